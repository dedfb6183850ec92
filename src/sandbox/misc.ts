/**
 * Small read-only endpoints: observability metrics, the permission menu and
 * units-of-measure classes. Enough shape for recipes to check, no more.
 */
import { badParameter } from "./failure.ts";
import { paginate, readPage } from "./page.ts";
import { route, type ApiCall, type Reply, type Route } from "./route.ts";

/** Routes for metrics, menus and unit classes. */
export const miscRoutes: readonly Route[] = [
  route("GET", "/observability/metrics", _metrics),
  route("GET", "/permissions/menus", () => ({ data: MENUS })),
  route("GET", "/uomclasses", ({ request }) => ({
    data: paginate(UOM_CLASSES, readPage(request.query)),
  })),
];

const METRICS = [
  { code: "cpu.usage", name: "CPU usage", unit: "%" },
  { code: "memory.usage", name: "Memory usage", unit: "%" },
  { code: "disk.usage", name: "Disk usage", unit: "%" },
  { code: "api.requests", name: "API requests since start", unit: "count" },
];

const MENUS = [
  { id: 1, name: "Elements", path: "/elements", children: [] },
  { id: 2, name: "Events", path: "/events", children: [] },
  {
    id: 3,
    name: "Administration",
    path: "/admin",
    children: [{ id: 31, name: "Users", path: "/admin/users", children: [] }],
  },
];

const UOM_CLASSES = [
  { id: 1, name: "Temperature", baseUom: "°C" },
  { id: 2, name: "Pressure", baseUom: "Pa" },
  { id: 3, name: "Length", baseUom: "m" },
  { id: 4, name: "Mass", baseUom: "kg" },
  { id: 5, name: "Time", baseUom: "s" },
];

// Values are fixed but for `api.requests`, which counts the calls so far.
function _metrics({ request, context }: ApiCall): Reply {
  const text = request.query.get("metricCodes") ?? "";
  const codes = text.split(",").map((code) => code.trim()).filter((code) => code !== "");
  for (const code of codes) {
    if (!METRICS.some((metric) => metric.code === code)) {
      throw badParameter("metricCodes", code, "a known metric code");
    }
  }

  const timestamp = Date.now();
  const chosen = codes.length === 0 ? METRICS : METRICS.filter((m) => codes.includes(m.code));
  const data = chosen.map((metric, index) => ({
    ...metric,
    value: metric.code === "api.requests" ? context.stats.requests : 20 + index * 15,
    timestamp,
  }));
  return { data };
}
