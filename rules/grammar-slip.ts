import {defineRule} from '../src/rule.ts'

/** Usage slips common among non-native writers. */
export default defineRule({
  meta: {
    id: 'grammar-slip',
    description: 'Usage slips common among non-native writers',
    rationale: 'TODO',
    defaultLevel: 'warn',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
