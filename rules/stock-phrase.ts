import {defineRule} from '../src/rule.ts'

/** Cliches and filler typical of statements. */
export default defineRule({
  meta: {
    id: 'stock-phrase',
    description: 'Cliches and filler typical of statements',
    rationale: 'TODO',
    defaultLevel: 'warn',
    fix: 'none',
    example: {before: 'TODO', after: 'TODO'}
  },
  check() {}
})
