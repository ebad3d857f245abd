import retextRedundantAcronyms from 'retext-redundant-acronyms'
import {defineRule} from '../src/rule.ts'
import {quote, runRetext, type RetextTransformer} from './util.ts'

/** An acronym followed by a word it already contains ("ATM machine", "GPA average"). */
export default defineRule({
  meta: {
    id: 'redundant-acronym',
    description: 'An acronym followed by a word it already stands for',
    rationale: '"ATM machine" and "PIN number" say a word twice; careful readers notice.',
    defaultLevel: 'warn',
    fix: 'suggest',
    example: {before: 'I built the UI interface.', after: 'I built the UI.'}
  },
  check({doc, report}) {
    const transformer = (retextRedundantAcronyms as unknown as () => RetextTransformer)()
    runRetext(doc, transformer, (message, start, end) => {
      const actual = doc.text.slice(start, end)
      const expected = message.expected ?? []
      report({start, end, message: `${quote(actual)} repeats a word of its acronym; write ${expected.map(quote).join(' or ')}`, expected})
    })
  }
})
