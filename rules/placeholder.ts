import {defineRule} from '../src/rule.ts'

/** Template leftovers: empty links, [Program Name], XXX, TODO. */
export default defineRule({
  meta: {
    id: 'placeholder',
    description: 'Template leftovers: empty links, [Program Name], XXX, TODO',
    rationale: 'TODO',
    defaultLevel: 'error',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
