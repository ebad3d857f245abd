import {defineRule} from '../src/rule.ts'

/** Another institution named where the target should be. */
export default defineRule({
  meta: {
    id: 'target-mismatch',
    description: 'Another institution named where the target should be',
    rationale: 'TODO',
    defaultLevel: 'error',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
