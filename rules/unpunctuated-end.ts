import {defineRule} from '../src/rule.ts'

/** A paragraph whose last sentence has no terminal punctuation. */
export default defineRule({
  meta: {
    id: 'unpunctuated-end',
    description: 'A paragraph whose last sentence has no terminal punctuation',
    rationale: 'TODO',
    defaultLevel: 'warn',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
