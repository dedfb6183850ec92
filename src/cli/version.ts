/** The tool's version, read once from package.json. */
import { readFileSync } from "node:fs";

const _package: unknown = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
);

/** The `version` field of package.json. */
export const VERSION = typeof _package === "object" && _package !== null && "version" in _package
  ? String(_package.version)
  : "0.0.0";
