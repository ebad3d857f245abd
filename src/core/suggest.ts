// Did-you-mean for a misspelt name (a rule id, a key, an option): the closest candidate within a
// few edits. Used by validation and by rules that check names the writer typed.

/** ` (did you mean "x"?)` for a close match, or an empty string. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const best = closest(name, candidates)
  return best ? ` (did you mean "${best}"?)` : ''
}

/** The candidate close enough to `name` to be what was meant, if any. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best = ''
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined
}

function distance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]
}
