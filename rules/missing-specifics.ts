import {defineRule} from '../src/rule.ts'

/** Claims with nothing a reader can check. */
export default defineRule({
  meta: {
    id: 'missing-specifics',
    description: 'Claims with nothing a reader can check',
    rationale: 'TODO',
    defaultLevel: 'warn',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
