// "Did you mean": the nearest valid name to a misspelt one, for the scenario reader's messages.

/** Edits (insert, delete, substitute, swap two neighbours) between two short words. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The valid name the writer most likely meant, or null: one a few edits away (`aprovePush`), the same
 * but for case, or one the word begins (`dnd` for `dnd_silenced`). Words longer than any name are
 * not compared letter by letter (the reader's time stays bounded whatever the file holds).
 */
export function closest(word: string, names: readonly string[]): string | null {
  if (word.length === 0 || word.length > 64) return null;
  const lower = word.toLowerCase();
  let best: string | null = null;
  let bestScore = Infinity;
  for (const name of names) {
    const target = name.toLowerCase();
    let score = distance(lower, target);
    // A quarter of the letters may be wrong, and never all of them ("XX" is no misspelling of "US").
    if (score > Math.min(Math.max(1, Math.floor(target.length / 4)), lower.length - 1)) {
      // A prefix counts when it is a real start of the name (dnd → dnd_silenced), not one letter.
      score = lower.length >= 2 && target.startsWith(lower) ? target.length - lower.length : Infinity;
      if (score !== Infinity) score += 0.5;
    }
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

/** `; did you mean "x"?` or nothing, to follow the word quoted in a message. */
export function didYouMean(word: string, names: readonly string[]): string {
  const guess = closest(word, names);
  return guess ? `; did you mean "${guess}"?` : '';
}
