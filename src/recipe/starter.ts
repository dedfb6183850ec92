/**
 * The recipe `idmp-recipe init` writes: valid as it stands, commented line
 * by line, for one auth mode, with every `auth.env` role spelled out under
 * its default variable name.
 */
import { ROLES } from "../auth/roles.ts";
import type { AuthMode } from "./types.ts";

/** What each `auth.env` role holds, said once for every mode. */
const ROLE_NOTES: Readonly<Record<string, string>> = {
  host: "the server, e.g. https://idmp.example.com",
  username: "the user to log in as",
  password: "that user's password",
  token: "optional: a token kept from a login",
  bearerToken: "Authorization, from a browser session",
  accessToken: "Access-token, from the same session",
  apiKey: "api_<key id>.<secret>",
};

const HOST_NOTES: Partial<Record<AuthMode, string>> = {
  cloud: "the cloud service, as the browser shows it",
};

const MODE_NOTES: Readonly<Record<AuthMode, string>> = {
  enterprise: "logs in with a user and password and renews the token itself",
  cloud: "sends two values copied from a logged-in browser session",
  apiKey: "sends a user API key (Personal Settings in IDMP); no login",
  none: "sends no credentials; pass your own headers from ${{ env.NAME }}",
};

/** A commented recipe for `mode`; `schemaPath` is written into its first line. */
export function starterRecipe(mode: AuthMode, schemaPath: string): string {
  return [
    `# yaml-language-server: $schema=${schemaPath}`,
    "# Lists elements, then reads the first one by its captured ID.",
    "#   idmp-recipe validate <this file>         checks it, sends nothing",
    "#   idmp-recipe run <this file> --sandbox    runs it on the built-in simulator",
    "#   idmp-recipe run <this file>              runs it against your server",
    "version: 1",
    "name: List elements and read the first one",
    `# Mode ${mode} ${MODE_NOTES[mode]}.`,
    "auth:",
    _aligned(`  mode: ${mode}`, "enterprise | cloud | apiKey | none"),
    _aligned("  env:", "names of variables, never values"),
    ..._envLines(mode),
    "vars:",
    _aligned("  pageSize: 5", "read below as ${{ vars.pageSize }}"),
    "steps:",
    ..._steps(mode),
  ].join("\n") + "\n";
}

function _envLines(mode: AuthMode): string[] {
  return ROLES[mode].map((role) => {
    const note = (role.key === "host" ? HOST_NOTES[mode] : undefined) ?? ROLE_NOTES[role.key];
    return _aligned(`    ${role.key}: ${role.defaultName}`, note ?? "");
  });
}

function _steps(mode: AuthMode): string[] {
  const ownHeader = mode !== "none" ? [] : [
    "      # headers:                     # e.g. a token you pass yourself:",
    '      #   Authorization: "Bearer ${{ env.MY_TOKEN }}"',
  ];
  return [
    "  - id: list",
    "    name: First page of elements",
    "    request:",
    "      method: GET",
    "      path: /api/v1/elements",
    '      query: { current: 1, size: "${{ vars.pageSize }}" }',
    ...ownHeader,
    "    expect:",
    _aligned("      status: 200", "or a list: [200, 204]"),
    "      json:",
    _aligned("        $.data.total: { gte: 1 }", "JSONPath to a matcher"),
    "    capture:",
    _aligned("      firstId: $.data.rows[0].id", "IDs beyond 2^53 keep every digit"),
    "",
    "  - name: The first element, by its ID",
    "    request:",
    "      method: GET",
    "      path: /api/v1/elements/${{ vars.firstId }}",
    "    expect:",
    "      status: 200",
    "      json:",
    _aligned("        $.data.name: { type: string }", "matchers: eq, gt, matches, type..."),
    '        $.data.id: "${{ vars.firstId }}"',
  ];
}

const COMMENT_COLUMN = 36;

// Comments line up where the longest line allows, one space at least.
function _aligned(line: string, note: string): string {
  if (note === "") return line;
  return `${line.padEnd(COMMENT_COLUMN - 1)} # ${note}`;
}
