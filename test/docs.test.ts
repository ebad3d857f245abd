// Generated docs are up to date with the rule metadata (run `npm run docs` to refresh them).
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {ruleDoc, ruleMeta, rulesTable} from '../src/index.ts'

describe('docs', () => {
  for (const meta of ruleMeta) {
    it(`docs/rules/${meta.id}.md is current`, () => {
      const file = `docs/rules/${meta.id}.md`
      expect(existsSync(file), `${file} is missing: run npm run docs`).toBe(true)
      expect(readFileSync(file, 'utf8'), `${file} is stale: run npm run docs`).toBe(ruleDoc(meta))
      expect(meta.rationale.length).toBeGreaterThan(40)
      expect(meta.example.before).not.toBe(meta.example.after)
    })
  }
  it('the README lists every rule', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(rulesTable(ruleMeta))
  })
})
