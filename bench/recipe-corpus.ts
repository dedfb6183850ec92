/**
 * Realistic recipes for the validation benchmark: 30 to 80 lines each,
 * every auth mode, several steps with queries, bodies, checks, captures,
 * templates and comments, varied by a seeded generator so runs compare.
 */

const MODES = ["enterprise", "cloud", "apiKey", "none"] as const;
const READS = [
  ["/api/v1/elements", "elements"],
  ["/api/v1/events", "events"],
  ["/api/v1/uomclasses", "units of measure"],
  ["/api/v1/permissions/menus", "menus"],
] as const;

/** A small seeded generator (mulberry32), so a corpus is the same each run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Recipe number `index` of a corpus, as YAML text. */
export function corpusRecipe(index: number): string {
  const random = seeded(index + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const mode = MODES[index % MODES.length] ?? "none";
  const lines = [
    "# yaml-language-server: $schema=../schema/recipe.schema.json",
    `# Benchmark recipe ${index}: reads and checks in mode ${mode}.`,
    "# Each step reads a page, checks the envelope and captures the total;",
    "# some search again with what the step before them answered.",
    "version: 1",
    `name: Benchmark recipe ${index}`,
    `description: Generated to time validation (${mode})`,
    "auth:",
    `  mode: ${mode}`,
    ...(mode === "none" ? [] : ["  env:", "    host: IDMP_HOST"]),
    "vars:",
    `  pageSize: ${10 + Math.floor(random() * 90)}`,
    `  keyword: "boiler-${index}"`,
    "defaults:",
    "  timeout: 10000",
    `  retry: { attempts: ${1 + Math.floor(random() * 4)}, delay: 250 }`,
    "steps:",
  ];
  const steps = 1 + Math.floor(random() * 3);
  for (let step = 0; step < steps; step++) {
    const [path, what] = pick(READS);
    lines.push(
      `  - id: read${step}`,
      `    name: Page ${step + 1} of ${what}`,
      "    request:",
      "      method: GET",
      `      path: ${path}`,
      `      query: { current: ${step + 1}, size: "\${{ vars.pageSize }}" }`,
      "    expect:",
      "      status: 200",
      "      json:",
      "        $.code: 0",
      "        $.data.total: { gte: 0 }",
      "        $.data.rows: { type: array }",
      "    capture:",
      `      total${step}: $.data.total`,
    );
    if (step > 0 && random() < 0.5) {
      lines.push(
        `  - name: Search ${what} again`,
        "    request:",
        "      method: GET",
        `      path: ${path}`,
        "      query:",
        '        keyword: "${{ vars.keyword }}"',
        `        size: "\${{ steps.read${step - 1}.json.data.size }}"`,
        "    expect:",
        "      status: [200, 204]",
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
