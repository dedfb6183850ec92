/**
 * The data shapes of the simulator's OpenAPI description: elements, events,
 * metrics, menus, units, pages of them, the `{code, message, data}` envelope
 * and the request bodies, as `components.schemas`.
 */
import { FIRST_ELEMENT_ID, FIRST_EVENT_ID } from "./seed.ts";

/** A JSON Schema (OpenAPI 3.1 dialect) as plain data. */
export type SchemaObject = Record<string, unknown>;

/** A `$ref` to a schema of `components.schemas`. */
export function ref(name: string): SchemaObject {
  return { $ref: `#/components/schemas/${name}` };
}

/** A 64-bit id; `example` is what `init --from-openapi` fills in. */
export function int64(description: string, example?: bigint): SchemaObject {
  const schema: SchemaObject = { type: "integer", format: "int64", minimum: 0, description };
  return example === undefined ? schema : { ...schema, example };
}

const TIME = { type: "integer", format: "int64", description: "Unix milliseconds" };
const NULLABLE_TIME = { ...TIME, type: ["integer", "null"] };
const NULLABLE_ID = { type: ["integer", "null"], format: "int64", minimum: 0 };

const ELEMENT: SchemaObject = {
  type: "object",
  required: ["id", "name", "parentId", "templateId", "description", "createTime",
    "updateTime"],
  properties: {
    id: int64("The element id", FIRST_ELEMENT_ID),
    name: { type: "string", minLength: 1 },
    parentId: { ...NULLABLE_ID, description: "null for a root" },
    templateId: NULLABLE_ID,
    description: { type: "string" },
    createTime: TIME,
    updateTime: TIME,
  },
};

const EVENT: SchemaObject = {
  type: "object",
  required: ["id", "elementId", "name", "level", "status", "startTime", "endTime",
    "confirmTime"],
  properties: {
    id: int64("The event id", FIRST_EVENT_ID),
    elementId: int64("The element it happened on"),
    name: { type: "string" },
    level: { type: "string", enum: ["info", "warning", "critical"] },
    status: { type: "string", enum: ["open", "confirmed"] },
    startTime: TIME,
    endTime: { ...NULLABLE_TIME, description: "null while the condition lasts" },
    confirmTime: { ...NULLABLE_TIME, description: "null while open" },
  },
};

const METRIC: SchemaObject = {
  type: "object",
  required: ["code", "name", "unit", "value", "timestamp"],
  properties: {
    code: { type: "string", example: "cpu.usage" },
    name: { type: "string" },
    unit: { type: "string" },
    value: { type: "number" },
    timestamp: TIME,
  },
};

const MENU: SchemaObject = {
  type: "object",
  required: ["id", "name", "path", "children"],
  properties: {
    id: { type: "integer" },
    name: { type: "string" },
    path: { type: "string" },
    children: { type: "array", items: ref("Menu") },
  },
};

const UOM_CLASS: SchemaObject = {
  type: "object",
  required: ["id", "name", "baseUom"],
  properties: { id: { type: "integer" }, name: { type: "string" }, baseUom: { type: "string" } },
};

const ELEMENT_CREATE: SchemaObject = {
  type: "object",
  additionalProperties: false,
  required: ["name"],
  properties: {
    name: { type: "string", minLength: 1, pattern: "\\S", example: "New element" },
    parentId: { ...NULLABLE_ID, description: "the parent; null or absent for a root" },
    templateId: NULLABLE_ID,
    description: { type: "string" },
  },
};

const ELEMENT_UPDATE: SchemaObject = {
  ...ELEMENT_CREATE,
  required: [],
  description: "Fields left out keep their values",
};

const LOGIN: SchemaObject = {
  type: "object",
  required: ["loginName", "password"],
  properties: {
    loginName: { type: "string" },
    password: { type: "string", format: "password", writeOnly: true },
  },
};

/** A page of `item`, as list endpoints answer. */
function _page(item: string): SchemaObject {
  return {
    type: "object",
    required: ["current", "size", "total", "rows"],
    properties: {
      current: { type: "integer", minimum: 1 },
      size: { type: "integer", minimum: 1 },
      total: { type: "integer", minimum: 0 },
      rows: { type: "array", items: ref(item) },
    },
  };
}

/** `components.schemas` of the description. */
export const SANDBOX_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  Element: ELEMENT,
  ElementPage: _page("Element"),
  ElementCreate: ELEMENT_CREATE,
  ElementUpdate: ELEMENT_UPDATE,
  Event: EVENT,
  EventPage: _page("Event"),
  Metric: METRIC,
  Menu: MENU,
  UomClass: UOM_CLASS,
  UomClassPage: _page("UomClass"),
  Login: LOGIN,
  Token: { type: "object", required: ["token"], properties: { token: { type: "string" } } },
  Failure: {
    type: "object",
    required: ["code", "message"],
    properties: { code: { type: "integer" }, message: { type: "string" } },
  },
};
