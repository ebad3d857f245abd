// Finding a token's place in a list of tokens. Tokens are in document order and do not overlap,
// so a binary search on `start` finds it; `indexOf` compares from the front and, called for each
// word of a sentence, made a 100,000-word sentence cost 100,000 squared.
import type {Token} from '../src/core/types.ts'

/** The first index in `tokens` (in document order) whose start is at or after `offset`. */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tokens[mid].start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The index of `token` in `tokens` (in document order), or -1 when it is not there; like indexOf. */
export function indexOfToken(tokens: readonly Token[], token: Token | undefined): number {
  if (!token) return -1
  const lo = firstTokenFrom(tokens, token.start)
  // Tokens of zero width may share a start; step over them to the one asked for.
  for (let i = lo; i < tokens.length && tokens[i].start === token.start; i++) if (tokens[i] === token) return i
  return -1
}
