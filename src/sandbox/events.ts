/**
 * Events on elements: list by time range, status and element, read, delete
 * and confirm. Lists are newest first.
 */
import type { SandboxContext } from "./context.ts";
import { badParameter, notFound } from "./failure.ts";
import { EVENT_STATUSES, type EventStatus, type SandboxEvent } from "./model.ts";
import { paginate, readPage } from "./page.ts";
import { readId, readInteger, readOptionalId } from "./params.ts";
import { route, type ApiCall, type Reply, type Route } from "./route.ts";

/** Routes under `/api/v1/events`. */
export const eventRoutes: readonly Route[] = [
  route("GET", "/events", _list),
  route("GET", "/events/:id", _read),
  route("DELETE", "/events/:id", _remove),
  route("PATCH", "/events/:id/confirm", _confirm),
];

const TIME = { min: 0, max: Number.MAX_SAFE_INTEGER };

// An event is in the range when it starts within it, both ends inclusive.
function _list({ request, context }: ApiCall): Reply {
  const { query } = request;
  const page = readPage(query);
  const fromTime = readInteger(query, "fromTime", TIME) ?? -Infinity;
  const toTime = readInteger(query, "toTime", TIME) ?? Infinity;
  const status = _readStatus(query);
  const elementId = readOptionalId(query, "elementId");

  const rows = [...context.state.events.values()]
    .filter(
      (event) =>
        event.startTime >= fromTime &&
        event.startTime <= toTime &&
        (status === undefined || event.status === status) &&
        (elementId === undefined || event.elementId === elementId),
    )
    .sort((a, b) => b.startTime - a.startTime);
  return { data: paginate(rows, page) };
}

function _read({ params, context }: ApiCall): Reply {
  return { data: _find(context, params["id"] ?? "") };
}

function _remove({ params, context }: ApiCall): Reply {
  const event = _find(context, params["id"] ?? "");
  context.state.events.delete(event.id);
  return { data: null };
}

// Confirming twice is harmless: the first confirmation time stays.
function _confirm({ params, context }: ApiCall): Reply {
  const event = _find(context, params["id"] ?? "");
  if (event.status !== "confirmed") {
    event.status = "confirmed";
    event.confirmTime = Date.now();
  }
  return { data: event };
}

function _find(context: SandboxContext, idText: string): SandboxEvent {
  const id = readId(idText, "id");
  const event = context.state.events.get(id);
  if (event === undefined) throw notFound("Event", id);
  return event;
}

function _readStatus(query: URLSearchParams): EventStatus | undefined {
  const text = query.get("status");
  if (text === null || text === "") return undefined;
  const status = EVENT_STATUSES.find((known) => known === text);
  if (status === undefined) throw badParameter("status", text, "'open' or 'confirmed'");
  return status;
}
