import retextRedundantAcronyms from 'retext-redundant-acronyms'
import {defineRule} from '../src/core/rule.ts'
import {quote, registerRetext, retextFindings, type RetextTransformer} from './util.ts'

// The plugin matches its acronyms in any case; only blocks with a word in capitals are given to it.
registerRetext('redundant-acronyms', (retextRedundantAcronyms as unknown as () => RetextTransformer)(), (block) => block.tokens.some((t) => t.kind === 'word' && /^[A-Z][A-Z0-9]+s?$/.test(t.text)))

/** An acronym followed by a word it already contains ("ATM machine", "GPA average"). */
export default defineRule({
  meta: {
    id: 'redundant-acronym',
    description: 'An acronym followed by a word it already stands for',
    rationale: '"ATM machine" and "PIN number" say a word twice; careful readers notice. Only acronyms written in capitals count: "basic code" is plain English.',
    defaultLevel: 'warn',
    fix: 'suggest',
    example: {before: 'I built the UI interface.', after: 'I built the UI.'}
  },
  check({doc, report}) {
    for (const {message, start, end} of retextFindings(doc, 'redundant-acronyms')) {
      const actual = doc.text.slice(start, end)
      const expected = message.expected ?? []
      report({start, end, message: `${quote(actual)} repeats a word of its acronym; write ${expected.map(quote).join(' or ')}`, expected})
    }
  }
})
