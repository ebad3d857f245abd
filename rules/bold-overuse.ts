import {defineRule} from '../src/rule.ts'

/** Too much bold, italics or ALL CAPS. */
export default defineRule({
  meta: {
    id: 'bold-overuse',
    description: 'Too much bold, italics or ALL CAPS',
    rationale: 'TODO',
    defaultLevel: 'warn',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
