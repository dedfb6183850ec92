/**
 * "Did you mean" for keys and values: the nearest candidate by edit
 * distance, offered only when it is close enough to be the likely intent.
 */

/** The candidate nearest to `word`, or undefined when none is close. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= _tolerance(best) ? best : undefined;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions
 * and swaps of two neighbours each cost one.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        _at(rows, i - 1, j) + 1,
        (row[j - 1] ?? 0) + 1,
        _at(rows, i - 1, j - 1) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, _at(rows, i - 2, j - 2) + 1);
      }
      row.push(value);
    }
    rows.push(row);
  }
  return _at(rows, a.length, b.length);
}

// One edit for short words, then one more for every three letters.
function _tolerance(candidate: string): number {
  return Math.max(1, Math.floor(candidate.length / 3));
}

function _at(rows: number[][], i: number, j: number): number {
  return rows[i]?.[j] ?? 0;
}
