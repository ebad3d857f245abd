import {defineRule} from '../src/rule.ts'

/** Common misspellings. */
export default defineRule({
  meta: {
    id: 'spelling',
    description: 'Common misspellings',
    rationale: 'TODO',
    defaultLevel: 'warn',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
