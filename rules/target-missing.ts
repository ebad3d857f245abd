import {defineRule} from '../src/rule.ts'

/** The target school or company is never named. */
export default defineRule({
  meta: {
    id: 'target-missing',
    description: 'The target school or company is never named',
    rationale: 'TODO',
    defaultLevel: 'warn',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
