/** Process entry point: `tsx src/cli/entry.ts`, `deno run -A src/cli/entry.ts`, the bin. */
import { main } from "./main.ts";

process.exitCode = await main(process.argv.slice(2));
