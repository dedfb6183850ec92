/**
 * The element tree: list with paging and filters, read, create, update and
 * delete. The default list order is by id, so the seeded root with id
 * 1234567890123456789 comes first.
 */
import type { JsonValue } from "../json.ts";
import type { SandboxContext } from "./context.ts";
import { ApiFailure, notFound } from "./failure.ts";
import type { SandboxElement } from "./model.ts";
import { paginate, readPage } from "./page.ts";
import {
  readBodyId,
  readBodyString,
  readId,
  readJsonObject,
  readOptionalId,
} from "./params.ts";
import { route, type ApiCall, type Reply, type Route } from "./route.ts";

/** Routes under `/api/v1/elements`. */
export const elementRoutes: readonly Route[] = [
  route("GET", "/elements", _list),
  route("POST", "/elements", _create),
  route("GET", "/elements/:id", _read),
  route("PUT", "/elements/:id", _update),
  route("DELETE", "/elements/:id", _remove),
];

function _list({ request, context }: ApiCall): Reply {
  const page = readPage(request.query);
  const parentId = readOptionalId(request.query, "parentId");
  const keyword = (request.query.get("keyword") ?? "").toLowerCase();

  const rows = [...context.state.elements.values()].filter(
    (element) =>
      (parentId === undefined || element.parentId === parentId) &&
      element.name.toLowerCase().includes(keyword),
  );
  return { data: paginate(rows, page) };
}

function _read({ params, context }: ApiCall): Reply {
  return { data: _find(context, params["id"] ?? "") };
}

function _create({ request, context }: ApiCall): Reply {
  const body = readJsonObject(request.body);
  const name = readBodyString(body["name"], "name")?.trim();
  if (name === undefined || name === "") {
    throw new ApiFailure(400, "Element needs a non-empty 'name'");
  }

  const { state } = context;
  const parentId = _readParent(context, body["parentId"], state.nextElementId);
  const templateId = readBodyId(body["templateId"], "templateId");
  const description = readBodyString(body["description"], "description") ?? "";

  const id = state.nextElementId++;
  const now = Date.now();
  const element: SandboxElement = {
    id,
    name,
    parentId,
    templateId,
    description,
    createTime: now,
    updateTime: now,
  };
  state.elements.set(id, element);
  return { data: element };
}

// A partial update: fields left out keep their values. All are checked first,
// so a refused update changes nothing.
function _update({ request, params, context }: ApiCall): Reply {
  const element = _find(context, params["id"] ?? "");
  const body = readJsonObject(request.body);

  const name = readBodyString(body["name"], "name")?.trim() ?? element.name;
  if (name === "") throw new ApiFailure(400, "Element 'name' must not be empty");
  const parentId =
    "parentId" in body ? _readParent(context, body["parentId"], element.id) : element.parentId;
  const templateId =
    "templateId" in body ? readBodyId(body["templateId"], "templateId") : element.templateId;
  const description =
    readBodyString(body["description"], "description") ?? element.description;

  Object.assign(element, { name, parentId, templateId, description, updateTime: Date.now() });
  return { data: element };
}

function _remove({ params, context }: ApiCall): Reply {
  const element = _find(context, params["id"] ?? "");
  const { elements } = context.state;

  let children = 0;
  for (const other of elements.values()) if (other.parentId === element.id) children++;
  if (children > 0) {
    const message = `Element ${element.id} has ${children} children; delete them first`;
    throw new ApiFailure(400, message);
  }

  // Limitation: the element's events stay, pointing at a missing element;
  // deleting them too would need a cascade rule that IDMP does not document.
  elements.delete(element.id);
  return { data: null };
}

function _find(context: SandboxContext, idText: string): SandboxElement {
  const id = readId(idText, "id");
  const element = context.state.elements.get(id);
  if (element === undefined) throw notFound("Element", id);
  return element;
}

// A parent must exist and must not be the element itself or one below it.
function _readParent(context: SandboxContext, value: JsonValue | undefined, self: bigint) {
  const parentId = readBodyId(value, "parentId");
  const { elements } = context.state;

  for (let at = parentId; at !== null; at = elements.get(at)?.parentId ?? null) {
    if (at === self) throw new ApiFailure(400, `Element ${self} cannot be its own ancestor`);
    if (!elements.has(at)) throw new ApiFailure(400, `Parent element ${at} not found`);
  }
  return parentId;
}
