/**
 * The simulator's own OpenAPI 3.1 description, served at `GET /v3/api-docs`
 * as Spring servers serve theirs: every route it answers, with parameters,
 * request bodies and the answers' shapes, envelope included when it is on.
 */
import { FIRST_ELEMENT_ID, FIRST_EVENT_ID } from "./seed.ts";
import { int64, ref, SANDBOX_SCHEMAS, type SchemaObject } from "./openapi-schemas.ts";
import { operation, type Parameter, pathId, query, success } from "./openapi-parts.ts";
import { MAX_PAGE_SIZE } from "./page.ts";

/** Where the description is served; no credentials needed. */
export const OPENAPI_PATH = "/v3/api-docs";

const PAGE: Parameter[] = [
  query("current", { type: "integer", minimum: 1, maximum: 1_000_000, default: 1 },
    "Page number, from 1"),
  query("size", { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: 10 },
    "Rows per page"),
];
const ELEMENT_ID = pathId("the element id", FIRST_ELEMENT_ID);
const EVENT_ID = pathId("the event id", FIRST_EVENT_ID);
const TIME = { type: "integer", format: "int64", minimum: 0 };

/** The description for a simulator with or without the envelope. */
export function sandboxOpenApi(options: { envelope: boolean }): Record<string, unknown> {
  const ok = (data: SchemaObject | null, what: string) => success(data, what, options.envelope);
  const element = { get: ok(ref("Element"), "The element") };
  return {
    openapi: "3.1.0",
    info: {
      title: "IDMP simulator (idmp-recipe sandbox)",
      version: "1",
      description: "The part of the TDengine IDMP REST API the simulator implements",
    },
    components: {
      schemas: SANDBOX_SCHEMAS,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
    security: [{ bearer: [] }],
    paths: {
      "/api/v1/users/login": {
        post: operation("login", "Log in with a login name and password", [], ok(ref("Token"),
          "A JWT"), { body: "Login", open: true }),
      },
      "/api/v1/elements": {
        get: operation("listElements", "List elements", [
          ...PAGE,
          query("parentId", int64("Only the children of this element")),
          query("keyword", { type: "string" }, "Part of the name, any case"),
        ], ok(ref("ElementPage"), "A page of elements")),
        post: operation("createElement", "Create an element", [], element.get, {
          body: "ElementCreate" }),
      },
      "/api/v1/elements/{id}": {
        get: operation("getElement", "Read an element", [ELEMENT_ID], element.get),
        put: operation("updateElement", "Update an element", [ELEMENT_ID], element.get, {
          body: "ElementUpdate" }),
        delete: operation("deleteElement", "Delete an element without children", [ELEMENT_ID],
          ok(null, "Deleted")),
      },
      "/api/v1/events": {
        get: operation("listEvents", "List events, newest first", [
          query("fromTime", TIME, "Started at or after, Unix milliseconds"),
          query("toTime", TIME, "Started at or before, Unix milliseconds"),
          query("status", { type: "string", enum: ["open", "confirmed"] }),
          query("elementId", int64("Only events on this element")),
          ...PAGE,
        ], ok(ref("EventPage"), "A page of events")),
      },
      "/api/v1/events/{id}": {
        get: operation("getEvent", "Read an event", [EVENT_ID], ok(ref("Event"), "The event")),
        delete: operation("deleteEvent", "Delete an event", [EVENT_ID], ok(null, "Deleted")),
      },
      "/api/v1/events/{id}/confirm": {
        patch: operation("confirmEvent", "Confirm an event (twice is harmless)", [EVENT_ID],
          ok(ref("Event"), "The confirmed event")),
      },
      "/api/v1/observability/metrics": {
        get: operation("getMetrics", "Current metrics", [
          query("metricCodes", { type: "string", example: "cpu.usage,memory.usage" },
            "Comma-separated metric codes; all when absent"),
        ], ok({ type: "array", items: ref("Metric") }, "The metrics")),
      },
      "/api/v1/permissions/menus": {
        get: operation("getMenus", "The permission menu tree", [],
          ok({ type: "array", items: ref("Menu") }, "The menu tree")),
      },
      "/api/v1/uomclasses": {
        get: operation("listUomClasses", "List units-of-measure classes", PAGE,
          ok(ref("UomClassPage"), "A page of unit classes")),
      },
    },
  };
}
