// Sorted word lists held as one string, a `key<TAB>value` line each, searched without building a
// table (a table of 90,000 entries cost more than linting a statement).

/**
 * Where the line whose key (the text before its tab) is `key` starts, or -1. Every line starts
 * after a newline, the first at `lo` or after; searching back from mid - 1 keeps start <= mid, so
 * each step shrinks the range.
 */
export function keyedLine(list: string, key: string, lo = 1): number {
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const start = list.lastIndexOf('\n', mid - 1) + 1
    const tab = list.indexOf('\t', start)
    const end = list.indexOf('\n', tab)
    if (tab < 0 || end < 0) return -1
    const candidate = list.slice(start, tab)
    if (candidate === key) return start
    if (candidate < key) lo = end + 1
    else hi = start
  }
  return -1
}
