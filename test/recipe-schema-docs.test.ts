/**
 * The schema as the editor's guide: every key has a title and a
 * description, leaves have examples, and every example and default is
 * itself valid where it stands.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Ajv } from "ajv";
import { recipeSchema } from "../src/recipe/schema.ts";

type Schema = Record<string, unknown>;

interface Key {
  /** JSON pointer into the schema file. */
  pointer: string;
  schema: Schema;
}

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Every schema that names a key: under properties, patternProperties or
 * $defs, and the value schema of additionalProperties.
 */
function keysOf(node: unknown, pointer = ""): Key[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => keysOf(item, `${pointer}/${i}`));
  if (!isSchema(node)) return [];
  const keys: Key[] = [];
  for (const [word, value] of Object.entries(node)) {
    const at = `${pointer}/${word.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    if (["properties", "patternProperties", "$defs"].includes(word) && isSchema(value)) {
      for (const [name, schema] of Object.entries(value)) {
        if (isSchema(schema)) keys.push({ pointer: `${at}/${name}`, schema });
      }
    }
    const extra = word === "additionalProperties" && isSchema(value);
    if (extra) keys.push({ pointer: at, schema: value });
    if (word !== "examples" && word !== "default") keys.push(...keysOf(value, at));
  }
  return keys;
}

const KEYS = keysOf(recipeSchema);
const ID = String(recipeSchema["$id"]);
const ajv = new Ajv({ strict: true, discriminator: true, allowUnionTypes: true });
ajv.addSchema(recipeSchema);

function validatorOf(pointer: string) {
  return ajv.compile({ $ref: `${ID}#${pointer}` });
}

/** A leaf: a value with a type of its own, not an object of further keys. */
function isLeaf(schema: Schema): boolean {
  if ("$ref" in schema || "properties" in schema) return false;
  return "enum" in schema || "const" in schema || ["string", "integer", "number", "boolean"]
    .includes(String(schema["type"]));
}

describe("schema annotations", () => {
  test("the walk finds every key, and a wrong example would fail", () => {
    assert.ok(KEYS.length > 70, `only ${KEYS.length} keys`);
    assert.equal(validatorOf("/$defs/request/properties/method")("get"), false);
  });

  for (const { pointer, schema: own } of KEYS) {
    // A bare `$ref` reads its title and description from where it points.
    const schema = typeof own["$ref"] === "string" && !("title" in own)
      ? KEYS.find((key) => `#${key.pointer}` === own["$ref"])?.schema ?? own
      : own;
    test(`${pointer} has a title and a description`, () => {
      assert.equal(typeof schema["title"], "string", "no title");
      assert.equal(typeof schema["description"], "string", "no description");
      assert.ok(String(schema["description"]).length >= 10, "a description says something");
    });
  }

  for (const { pointer, schema } of KEYS.filter((key) => isLeaf(key.schema))) {
    test(`${pointer} shows an example`, () => {
      assert.ok(Array.isArray(schema["examples"]) && schema["examples"].length > 0);
    });
  }

  for (const { pointer, schema } of KEYS) {
    const samples = [
      ...(Array.isArray(schema["examples"]) ? schema["examples"] : []),
      ...("default" in schema ? [schema["default"]] : []),
    ];
    if (samples.length === 0) continue;
    test(`${pointer}: its examples and default are valid there`, () => {
      const validate = validatorOf(pointer);
      for (const sample of samples) {
        const valid = validate(sample);
        assert.ok(valid, `${JSON.stringify(sample)}: ${ajv.errorsText(validate.errors)}`);
      }
    });
  }

  test("modes, methods and matcher types are enumerations", () => {
    const enumAt = (pointer: string): unknown =>
      KEYS.find((key) => key.pointer === pointer)?.schema["enum"];
    assert.deepEqual(enumAt("/$defs/auth/properties/mode"), [
      "enterprise", "cloud", "apiKey", "none",
    ]);
    assert.deepEqual(enumAt("/$defs/request/properties/method"), [
      "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
    ]);
    assert.ok(Array.isArray(enumAt("/$defs/matcherObject/properties/type")));
  });
});
