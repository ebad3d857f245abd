import {defineRule} from '../src/rule.ts'

/** Names and terms spelled the wrong way. */
export default defineRule({
  meta: {
    id: 'terminology',
    description: 'Names and terms spelled the wrong way',
    rationale: 'TODO',
    defaultLevel: 'warn',
    fix: 'auto',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
