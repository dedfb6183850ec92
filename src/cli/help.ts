/** The text of `idmp-recipe --help`: every command and option, and the exit codes. */
export const HELP = `idmp-recipe: run declarative YAML recipes against the TDengine IDMP REST API

Usage:
  idmp-recipe run <file|dir|glob>...       validate, then run each recipe
  idmp-recipe validate <file|dir|glob>...  validate only; sends nothing
  idmp-recipe init <file> [--mode M]       write a new commented recipe for mode M
  idmp-recipe sandbox [--port N]           serve the built-in IDMP simulator
  idmp-recipe schema                       print the recipe JSON Schema

Options:
  --env-file FILE      read variables from a dotenv file (the environment wins)
  --var name=value     set or override a recipe variable (JSON values allowed)
  --reporter, -r R[=FILE]
                       run: text (default), json, junit, github or html (one
                       self-contained page); validate: text, json or github.
                       Repeatable, one at most without =FILE (on stdout), e.g.
                       -r text -r junit=report.xml; text goes to stdout when no
                       reporter does. github: text plus ::error lines, and a
                       table appended to $GITHUB_STEP_SUMMARY
  --output, -o FILE    with one reporter, write it to FILE (text still on the terminal)
  --sandbox            run against an in-process simulator with its test credentials
  --strict             validate: warnings fail too (exit 2)
  --dry-run            print every planned request, secrets masked; send nothing
  --read-only          refuse, before sending anything, a run with a step that writes
  --allow-http         allow credentials over plain http:// to other hosts (warns)
  --ca FILE            trust the certificate authorities in FILE (PEM) for HTTPS
  --timeout MS         default per-request timeout in milliseconds (default 30000)
  --max-response-mb N  largest response body read, in MB (default 64)
  --verbose            print each request as it is sent (secrets masked)
  --port N             sandbox: port to listen on (default 8765)
  --mode M             init: enterprise (default), cloud, apiKey or none
  --force              init: overwrite an existing file
  --openapi FILE|URL   validate: check each step's method, path, query and JSON body
                       against an OpenAPI 3.0/3.1 description (a URL is fetched);
                       run: the description expect.schema: openapi reads
  --from-openapi FILE|URL --operation ID|"METHOD /path"
                       init: write a recipe that calls one operation of a description
  --help, --version

Exit codes: 0 passed, 1 a step failed, 2 invalid recipe or command line,
3 credentials missing or refused, 4 server unreachable.
`;
