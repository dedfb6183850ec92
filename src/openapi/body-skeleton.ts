/**
 * A JSON body skeleton as YAML lines: required properties filled with typed
 * placeholders (nested objects too), optional ones commented out, secrets
 * read from the environment instead of written.
 */
import { flatten, note, placeholder, typeOf } from "./placeholder.ts";
import { isObject, type JsonObject } from "./operations.ts";
import { aligned, yamlKey } from "./yaml-lines.ts";

const SECRET = /password|secret|token|apikey|api_key/i;
const MAX_DEPTH = 4;

/** `json:` and the lines under it, at `indent`. */
export function bodyLines(schema: JsonObject, indent: string): string[] {
  const flat = flatten(schema);
  if (typeOf(flat) !== "object") {
    return [aligned(`${indent}json: ${placeholder(flat)}`, note(flat, true))];
  }
  const lines = _properties(flat, `${indent}  `, 0);
  if (lines.some((line) => !line.trimStart().startsWith("#"))) {
    return [`${indent}json:`, ...lines];
  }
  // Nothing required: an empty object, and the optional keys to pick from.
  return [aligned(`${indent}json: {}`, lines.length > 0 ? "optional keys below" : ""), ...lines];
}

function _properties(schema: JsonObject, indent: string, depth: number): string[] {
  const properties = isObject(schema["properties"]) ? schema["properties"] : {};
  const required = Array.isArray(schema["required"]) ? schema["required"] : [];
  const lines: string[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    if (!isObject(raw) || raw["readOnly"] === true) continue;
    const property = flatten(raw);
    const isRequired = required.includes(name);
    const comment = note(property, isRequired);
    const nested = isRequired && typeOf(property) === "object" && depth < MAX_DEPTH
      ? _properties(property, `${indent}  `, depth + 1) : [];
    if (nested.length > 0) {
      lines.push(aligned(`${indent}${yamlKey(name)}:`, comment), ...nested);
      continue;
    }
    const value = _isSecret(name, property)
      ? `"\${{ env.${name.replace(/\W+/g, "_").toUpperCase()} }}"` : placeholder(property);
    const line = `${yamlKey(name)}: ${value}`;
    lines.push(aligned(isRequired ? `${indent}${line}` : `${indent}# ${line}`, comment));
  }
  return lines;
}

// A literal secret would not validate: it is read from the environment.
function _isSecret(name: string, schema: JsonObject): boolean {
  return SECRET.test(name) || schema["format"] === "password" || schema["writeOnly"] === true;
}
