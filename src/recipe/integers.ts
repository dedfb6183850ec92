/**
 * Integers from YAML arrive as bigints (the parser's `intAsBigInt`), so that
 * a 19-digit IDMP id keeps every digit. These turn them into what each
 * consumer needs.
 */

/** A copy in which every bigint a double holds exactly is a number again. */
export function safeIntegersAsNumbers(value: unknown): unknown {
  return _map(value, (big) => (_isSafe(big) ? Number(big) : big));
}

/**
 * A copy in which every bigint is a number, for the schema validator, which
 * knows only numbers. Used to check types, never to run.
 */
export function bigintsAsNumbers(value: unknown): unknown {
  return _map(value, (big) => Number(big));
}

function _map(value: unknown, convert: (big: bigint) => unknown): unknown {
  if (typeof value === "bigint") return convert(value);
  if (Array.isArray(value)) return value.map((item: unknown) => _map(item, convert));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = _map(item, convert);
  return out;
}

function _isSafe(big: bigint): boolean {
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER);
}
