// Every phrase-list entry: its examples must fire its rule, its near misses must not.
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.ts'
import {lint} from '../src/index.ts'
import {phraseListsOf} from '../src/core/phrases.ts'

for (const [list, entries] of phraseListsOf(rules)) {
  describe(`phrase data: ${list}`, () => {
    for (const entry of entries) {
      it(`${entry.phrase}`, async () => {
        expect(entry.reason, 'every entry says why it is flagged').toBeTruthy()
        expect(entry.examples?.length, 'every entry has an example that must fire').toBeGreaterThan(0)
        for (const example of entry.examples) {
          const {messages} = await lint(example, {config: {rules: {[list]: 'warn'}}})
          expect(messages.filter((m) => m.ruleId === list).length, `"${example}" should fire ${list}`).toBeGreaterThan(0)
        }
        for (const allow of entry.allows ?? []) {
          const {messages} = await lint(allow, {config: {rules: {[list]: 'warn'}}})
          expect(messages.filter((m) => m.ruleId === list).map((m) => m.message), `"${allow}" should not fire ${list}`).toEqual([])
        }
      })
    }
  })
}
