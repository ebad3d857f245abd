// Adding a rule is one rule file, its fixtures and one registry line (docs/architecture.md). This
// suite fails when a rule lacks any part, or when a part is registered anywhere but its own file.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.ts'
import {fixTypes} from '../src/index.ts'

// A rule file defines a rule; other files in rules/ (util.ts, inflect.ts) are helpers rules share.
const ruleFiles = readdirSync('rules').filter((f) => f.endsWith('.ts') && f !== 'index.ts' && /\bdefineRule\s*[<(]/.test(readFileSync(`rules/${f}`, 'utf8')))

describe('every rule has all its parts', () => {
  it('each file in rules/ is in the registry under its file name, once, in alphabetical order', () => {
    const ids = rules.map((r) => r.meta.id)
    expect(ids).toEqual(ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort())
    expect(new Set(ids).size).toBe(ids.length)
  })

  for (const {meta} of rules) {
    describe(meta.id, () => {
      it('declares its metadata', () => {
        expect(meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
        expect(meta.description.length).toBeGreaterThan(10)
        expect(meta.rationale.length).toBeGreaterThan(40)
        expect(['error', 'warn', 'info']).toContain(meta.defaultLevel)
        expect(['none', 'suggest', 'auto']).toContain(meta.fix)
        expect(fixTypes).toContain(meta.type)
        expect(meta.example.before).not.toBe(meta.example.after)
        for (const [key, spec] of Object.entries(meta.options ?? {})) expect(spec.description, `option ${key}`).toBeTruthy()
      })

      it('has fixtures that must fire and near misses that must not', () => {
        expect(existsSync(`fixtures/${meta.id}/fail.md`), `fixtures/${meta.id}/fail.md`).toBe(true)
        expect(existsSync(`fixtures/${meta.id}/pass.md`), `fixtures/${meta.id}/pass.md`).toBe(true)
      })

      it('has a generated docs page', () => {
        expect(existsSync(`docs/rules/${meta.id}.md`), 'run npm run docs').toBe(true)
      })

      it('declares its phrase list, retext plugin and data in meta, registering nothing when imported', () => {
        const source = readFileSync(`rules/${meta.id}.ts`, 'utf8')
        expect(source).not.toMatch(/\bregister[A-Z]\w*\(/)
        if (/reportPhrases\(|check\(\{[^}]*\bphrases\b/.test(source)) expect(meta.phrases, 'meta.phrases').toBeDefined()
        if (/from 'retext-/.test(source)) expect(meta.retext, 'meta.retext').toBeDefined()
        for (const entry of meta.phrases ?? []) expect(entry.examples?.length, `${meta.id}: "${entry.phrase}" has no example`).toBeGreaterThan(0)
      })
    })
  }
})
