import type {Root as NlcstRoot, Sentence as NlcstSentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {defineRule} from '../src/core/rule.ts'
import type {Token} from '../src/core/types.ts'
import {quote} from './util.ts'

/** The same word twice in a row ("the the"). */
export default defineRule({
  meta: {
    id: 'repeated-word',
    description: 'The same word or phrase twice in a row ("the the", "to To", "in the lab in the lab")',
    rationale: 'A doubled word ("the the", "technical technical") is a typo the eye skips when proofreading and a reader notices at once.',
    defaultLevel: 'warn',
    retext: {transformer: repeatedWords, mayFire: (sentence) => sentence.tokens.some((t, i) => i > 0 && t.kind === 'word' && sentence.tokens[i - 1].kind === 'word' && t.norm === sentence.tokens[i - 1].norm)},
    fix: 'auto',
    type: 'problem',
    example: {before: 'I improved the the throughput of our pipeline.', after: 'I improved the throughput of our pipeline.'}
  },
  check({doc, report, retext}) {
    const found: Found[] = []
    for (const {start, end} of retext) {
      const actual = doc.text.slice(start, end)
      const word = actual.split(/\s+/)[0]
      if (!/\p{L}/u.test(word)) continue
      // Markup between or around the two words (`YouTube</span> [YouTube`, `it *it`): replacing
      // the range would delete it, so the finding is reported without a fix.
      if (!/^[\p{L}\p{M}\p{N}'\u2019.-]+\s+[\p{L}\p{M}\p{N}'\u2019.-]+$/u.test(actual)) {
        const first = actual.match(/^[\p{L}\p{N}'\u2019-]+/u)?.[0] ?? word
        found.push({start, end, say: () => ({message: `${quote(actual)} repeats the word ${quote(first)}; delete one of them`, expected: []})})
        continue
      }
      found.push({start, end, say: () => ({message: `${quote(actual)} repeats a word; write ${quote(word)}`, expected: [word]})})
    }
    for (const block of doc.blocks) repeatedRuns(doc.text, block.tokens, found)
    // The earliest and widest of overlapping findings, as reportFirstOfOverlaps chooses; the
    // message is written only for those (a run-on "word word word ..." has a pair at every word).
    found.sort((a, b) => a.start - b.start || b.end - a.end)
    let last = -1
    for (const f of found) {
      if (f.start < last) continue
      last = f.end
      report({start: f.start, end: f.end, ...f.say()})
    }
  }
})

// Words that can stand twice in a row ("they had had", "that that"), as retext-repeated-words has.
const twice = new Set(['had', 'that', 'can', 'blah', 'beep', 'yadda'])

// The pass over the prose trees, as retext-repeated-words reads them: in each sentence, a word
// after white space (and nothing else) after the same word, ignoring case, unless the word may
// stand twice or does not start in lower case with the rest in lower case (names, "A A", "42 42").
// Our own rather than the plugin: it made an Error-derived message, with strings, for every
// pair, and a run-on "word word word ..." of 3 MB took 4 s and 450 MB more for them. The place
// is all the rule reads; it is written straight into the file's messages.
const mayStandTwice = new Set([...twice, 'sapiens', 'tse', 'mau'])
function repeatedWords(tree: NlcstRoot, file: VFile): void {
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') repeatsIn(sentence, file)
  }
}
function repeatsIn(sentence: NlcstSentence, file: VFile): void {
  const children = sentence.children
  let before: {index: number; lower: string} | undefined
  let current: {index: number; lower: string} | undefined
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    if (child.type === 'WhiteSpaceNode') {
      before = current
      current = undefined
      continue
    }
    if (child.type !== 'WordNode') {
      before = current = undefined
      continue
    }
    const value = toString(child)
    current = {index: i, lower: value.toLowerCase()}
    if (!before || before.lower !== current.lower || mayRepeat(value)) continue
    const start = children[before.index].position?.start
    const end = child.position?.end
    if (!start || !end) continue
    file.messages.push({place: {start, end}, reason: `\`${value}\` twice`, expected: [value]} as unknown as VFile['messages'][number])
  }
}
function mayRepeat(value: string): boolean {
  if (mayStandTwice.has(value.toLowerCase())) return true
  const head = value.charAt(0)
  if (head !== head.toUpperCase()) return false
  if (value.length === 2 && value.charAt(1) === '.') return true
  const tail = value.slice(1)
  return tail === tail.toLowerCase()
}

// What the sentence-bound plugin cannot see: a word repeated across a line break where the
// splitter starts a new sentence ("to\nTo"), and phrases repeated whole ("in the lab in the lab").
// "will surely will", "to really to": a function word said again after an adverb.
const functionWords = new Set(['will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'have', 'has', 'is', 'are', 'was', 'were', 'be', 'to', 'the', 'a', 'an', 'of', 'in', 'for', 'and'])
// Adverbs: -ly words that are not verbs or nouns ("apply", "supply", "family"), and a few others.
const notAdverbs = new Set(['apply', 'reply', 'supply', 'imply', 'comply', 'multiply', 'rely', 'family', 'italy', 'july', 'ally', 'belly', 'jelly', 'rally', 'tally', 'bully', 'holly', 'folly', 'lily', 'assembly', 'anomaly', 'monopoly', 'butterfly', 'homily', 'fly'])
const adverbs = new Set(['also', 'not', 'never', 'always', 'just', 'even', 'still', 'only', 'soon', 'then'])
const isAdverb = (w: string) => adverbs.has(w) || (w.length >= 5 && w.endsWith('ly') && !notAdverbs.has(w))

/** A finding, its message made only when it is reported. */
interface Found {
  start: number
  end: number
  say: () => {message: string; expected: string[]}
}

function repeatedRuns(text: string, tokens: Token[], found: Found[]): void {
  const spaceOnly = (a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.start))
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]
    const mid = tokens[i + 1]
    const b = tokens[i + 2]
    if (b && a.norm === b.norm && functionWords.has(a.norm) && mid.kind === 'word' && b.kind === 'word' && isAdverb(mid.norm) && spaceOnly(a, mid) && spaceOnly(mid, b)) {
      const fixed = `${a.text} ${mid.text}`
      found.push({start: a.start, end: b.end, say: () => ({message: `${quote(text.slice(a.start, b.end))} repeats ${quote(a.text)}; write ${quote(fixed)}`, expected: [fixed]})})
      i += 2
      continue
    }
    for (let n = 4; n >= 1; n--) {
      if (i + 2 * n > tokens.length) continue
      // Cheap test first: the second copy must start with the same word.
      if (tokens[i].norm !== tokens[i + n].norm) continue
      const run = tokens.slice(i, i + 2 * n)
      if (!run.every((t) => t.kind === 'word' && /\p{L}/u.test(t.text))) continue
      if (!run.slice(1).every((t, k) => spaceOnly(run[k], t))) continue
      // The second copy may carry a possessive: "in the lab in the lab's workshop".
      const same = (a: Token, b: Token, last: boolean) => a.norm === b.norm || (last && n > 1 && b.norm === a.norm + "'s")
      if (!run.slice(0, n).every((t, k) => same(t, run[n + k], k === n - 1))) continue
      if (n === 1) {
        // The plugin reports "the the"; here only "to To" (where the splitter may see a new
        // sentence), not names such as "Walla Walla".
        const [a, b] = run
        if (twice.has(a.norm) || !/^\p{Ll}/u.test(a.text) || !/^\p{Lu}/u.test(b.text)) continue
      } else if (run.slice(0, n).reduce((sum, t) => sum + t.text.length, 0) < 5) continue
      const start = run[0].start
      const end = run[2 * n - 1].end
      const possessive = run[2 * n - 1].norm !== run[n - 1].norm ? run[2 * n - 1].text.slice(run[n - 1].text.length) : ''
      const first = text.slice(start, run[n - 1].end) + possessive
      found.push({start, end, say: () => ({message: `${quote(text.slice(start, end))} repeats ${n === 1 ? 'a word' : quote(first)}; write ${quote(first)}`, expected: [first]})})
      i += 2 * n - 1
      break
    }
  }
}
