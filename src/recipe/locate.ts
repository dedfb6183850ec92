/**
 * Where a parsed value came from: turns paths into 1-based lines and columns
 * by walking the YAML node tree, which keeps every node's source range.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
} from "yaml";
import type { NodePath, Position } from "./problem.ts";

const MERGE_KEY = "<<";

/** Finds the source position of values and keys in one parsed document. */
export class Locator {
  readonly #doc: Document.Parsed;
  readonly #lines: LineCounter;
  readonly #text: string;
  #map: (path: NodePath) => NodePath = (path) => path;

  constructor(doc: Document.Parsed, lines: LineCounter, text: string) {
    this.#doc = doc;
    this.#lines = lines;
    this.#text = text;
  }

  /**
   * The same file read through `map`, which turns a path of a recipe with
   * includes spliced in into the path of the node in this file.
   */
  withPaths(map: (path: NodePath) => NodePath): Locator {
    const copy = new Locator(this.#doc, this.#lines, this.#text);
    copy.#map = map;
    return copy;
  }

  /** The position of a character offset in the text. */
  at(offset: number): Position {
    const { line, col } = this.#lines.linePos(offset);
    return { line, column: col };
  }

  /** The node at a path exactly, or undefined when the file does not spell it out. */
  exact(path: NodePath): Position | undefined {
    const found = this.#walk(path);
    if (found.depth < path.length || !found.node?.range) return undefined;
    return this.at(found.node.range[0]);
  }

  /**
   * The node at a path, or the nearest enclosing node the file spells out,
   * e.g. the mapping a `<<` merge brought a key into.
   */
  value(path: NodePath): Position {
    const { node, key } = this.#walk(path);
    if (node?.range && !_isEmptyScalar(node)) return this.at(node.range[0]);
    return this.at(key?.range?.[0] ?? node?.range?.[0] ?? 0);
  }

  /** The key of the last path segment, e.g. the `expext` in `expext: ...`. */
  key(path: NodePath): Position {
    const { key, depth } = this.#walk(path);
    if (depth === path.length && key?.range) return this.at(key.range[0]);
    return this.value(path);
  }

  /** The character at `index` of a string value, when the source shows it as is. */
  inString(path: NodePath, index: number): Position {
    const { node, depth } = this.#walk(path);
    if (depth < path.length || !isScalar(node) || !node.range) return this.value(path);
    const source = this.#text.slice(node.range[0], node.range[1]);
    const value = String(node.value);
    if (source === value) return this.at(node.range[0] + index);
    if (source.slice(1, -1) === value) return this.at(node.range[0] + 1 + index);
    return this.value(path);
  }

  #walk(spliced: NodePath): { node?: Node; key?: Node; depth: number } {
    const path = this.#map(spliced);
    let node: Node | undefined = this.#resolve(this.#doc.contents ?? undefined);
    let key: Node | undefined;
    let depth = 0;
    for (const segment of path) {
      const pair = this.#child(node, segment);
      if (!pair) break;
      key = isPair(pair) && _isNode(pair.key) ? pair.key : undefined;
      node = this.#resolve(isPair(pair) ? _asNode(pair.value) : pair);
      depth += 1;
    }
    return { node, key, depth };
  }

  #child(node: Node | undefined, segment: string | number): Pair | Node | undefined {
    if (isSeq(node)) {
      const item = node.items[Number(segment)];
      return _isNode(item) ? item : undefined;
    }
    if (!isMap(node)) return undefined;
    const own = node.items.find((pair) => _keyText(pair) === String(segment));
    if (own) return own;

    // A key brought in by `<<: *defaults` points into the anchored mapping.
    for (const pair of node.items) {
      if (_keyText(pair) !== MERGE_KEY) continue;
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const found = this.#child(this.#resolve(_asNode(source)), segment);
        if (found) return found;
      }
    }
    return undefined;
  }

  #resolve(node: Node | undefined): Node | undefined {
    return isAlias(node) ? node.resolve(this.#doc) : node;
  }
}

// The parser keys a merge as a symbol, `Symbol(<<)`.
function _keyText(pair: Pair): string | undefined {
  if (!isScalar(pair.key)) return undefined;
  const { value } = pair.key;
  return typeof value === "symbol" ? value.description : String(value);
}

function _isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

function _asNode(value: unknown): Node | undefined {
  return _isNode(value) ? value : undefined;
}

function _isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}
