import {defineRule} from '../src/rule.ts'

/** Letter conventions out of place in a statement. */
export default defineRule({
  meta: {
    id: 'letter-formality',
    description: 'Letter conventions out of place in a statement',
    rationale: 'TODO',
    defaultLevel: 'warn',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
