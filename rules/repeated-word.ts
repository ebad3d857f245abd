import retextRepeatedWords from 'retext-repeated-words'
import {defineRule} from '../src/core/rule.ts'
import {quote, transformerOf} from './util.ts'

/** The same word twice in a row ("the the"). */
export default defineRule({
  meta: {
    id: 'repeated-word',
    description: 'The same word twice in a row',
    rationale: 'A doubled word ("the the", "technical technical") is a typo the eye skips when proofreading and a reader notices at once.',
    defaultLevel: 'warn',
    retext: {transformer: transformerOf(retextRepeatedWords), mayFire: (block) => block.tokens.some((t, i) => i > 0 && t.kind === 'word' && block.tokens[i - 1].kind === 'word' && t.norm === block.tokens[i - 1].norm)},
    fix: 'auto',
    type: 'problem',
    example: {before: 'I improved the the throughput of our pipeline.', after: 'I improved the throughput of our pipeline.'}
  },
  check({doc, report, retext}) {
    for (const {message, start, end} of retext) {
      const actual = doc.text.slice(start, end)
      const word = actual.split(/\s+/)[0]
      if (!/\p{L}/u.test(word)) continue
      report({start, end, message: `${quote(actual)} repeats a word; write ${quote(word)}`, expected: [word]})
    }
  }
})
