import {defineRule} from '../src/rule.ts'

/** Consecutive sentences opening with the same words. */
export default defineRule({
  meta: {
    id: 'repetitive-start',
    description: 'Consecutive sentences opening with the same words',
    rationale: 'TODO',
    defaultLevel: 'warn',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
