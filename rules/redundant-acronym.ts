import retextRedundantAcronyms from 'retext-redundant-acronyms'
import {defineRule} from '../src/core/rule.ts'
import {quote, transformerOf} from './util.ts'

/** An acronym followed by a word it already contains ("ATM machine", "GPA average"). */
export default defineRule({
  meta: {
    id: 'redundant-acronym',
    description: 'An acronym followed by a word it already stands for',
    rationale: '"ATM machine" and "PIN number" say a word twice; careful readers notice. Only acronyms written in capitals count: "basic code" is plain English.',
    defaultLevel: 'warn',
    // The plugin matches its acronyms in any case; only blocks with a word in capitals are given to it.
    retext: {transformer: transformerOf(retextRedundantAcronyms), mayFire: (sentence) => sentence.words.some((t) => /^[A-Z][A-Z0-9]+s?$/.test(t.text))},
    fix: 'suggest',
    type: 'suggestion',
    example: {before: 'I built the UI interface.', after: 'I built the UI.'}
  },
  check({doc, report, retext}) {
    for (const {message, start, end} of retext) {
      const actual = doc.text.slice(start, end)
      const expected = message.expected ?? []
      report({start, end, message: `${quote(actual)} repeats a word of its acronym; write ${expected.map(quote).join(' or ')}`, expected})
    }
  }
})
