import retextRepeatedWords from 'retext-repeated-words'
import {defineRule} from '../src/core/rule.ts'
import {quote, registerRetext, retextFindings, type RetextTransformer} from './util.ts'

registerRetext('repeated-words', (retextRepeatedWords as unknown as () => RetextTransformer)(), (block) => block.tokens.some((t, i) => i > 0 && t.kind === 'word' && block.tokens[i - 1].kind === 'word' && t.norm === block.tokens[i - 1].norm))

/** The same word twice in a row ("the the"). */
export default defineRule({
  meta: {
    id: 'repeated-word',
    description: 'The same word twice in a row',
    rationale: 'A doubled word ("the the", "technical technical") is a typo the eye skips when proofreading and a reader notices at once.',
    defaultLevel: 'warn',
    fix: 'auto',
    example: {before: 'I improved the the throughput of our pipeline.', after: 'I improved the throughput of our pipeline.'}
  },
  check({doc, report}) {
    for (const {message, start, end} of retextFindings(doc, 'repeated-words')) {
      const actual = doc.text.slice(start, end)
      const word = actual.split(/\s+/)[0]
      if (!/\p{L}/u.test(word)) continue
      // Markup between or around the two words (`YouTube</span> [YouTube`, `it *it`): replacing
      // the range would delete it, so the finding is reported without a fix.
      if (!/^[\p{L}\p{M}\p{N}'\u2019.-]+\s+[\p{L}\p{M}\p{N}'\u2019.-]+$/u.test(actual)) {
        const first = actual.match(/^[\p{L}\p{N}'\u2019-]+/u)?.[0] ?? word
        report({start, end, message: `${quote(actual)} repeats the word ${quote(first)}; delete one of them`})
        continue
      }
      report({start, end, message: `${quote(actual)} repeats a word; write ${quote(word)}`, expected: [word]})
    }
  }
})
