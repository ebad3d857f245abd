import {defineRule} from '../src/rule.ts'

/** One term spelled two ways in one document. */
export default defineRule({
  meta: {
    id: 'consistency',
    description: 'One term spelled two ways in one document',
    rationale: 'TODO',
    defaultLevel: 'warn',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
