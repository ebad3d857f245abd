// Every rule's fixtures: each paragraph of fail.md must be flagged by the rule, and pass.md
// (near misses) must not be. Front matter in a fixture sets kind/target as in a statement;
// `scope: document` in it means the whole file is one case (document-level rules).
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {beforeAll, describe, expect, it} from 'vitest'
import {lint, prepare} from '../src/index.ts'
import {rules} from '../rules/index.ts'

// Load the large data (dictionary, tagger) once, outside the tests' time limit: from the sources it
// is slow to transform on a busy machine.
beforeAll(() => prepare(), 180_000)

const dir = new URL('../fixtures/', import.meta.url)

function cases(text: string): Array<{line: number; start: number; end: number}> {
  if (/^---\r?\n[\s\S]*?\bscope: document\b[\s\S]*?\n---/.test(text)) return [{line: 1, start: 0, end: text.length}]
  const body = text.replace(/^---\r?\n[\s\S]*?\n---\r?\n/, (m) => m.replace(/[^\n]/g, ' '))
  const out: Array<{line: number; start: number; end: number}> = []
  for (const m of body.matchAll(/[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g)) {
    const chunk = m[0].trim()
    // Headings and comments describe the cases; they are not cases themselves.
    if (/^#{1,6}\s/.test(chunk) || /^<!--[\s\S]*-->$/.test(chunk)) continue
    out.push({line: text.slice(0, m.index).split('\n').length, start: m.index!, end: m.index! + m[0].length})
  }
  return out
}

for (const rule of rules) {
  const id = rule.meta.id
  // fail.md and pass.md, plus variants such as pass-cover-letter.md whose front matter sets a kind.
  const files = existsSync(new URL(`${id}/`, dir)) ? readdirSync(new URL(`${id}/`, dir)).filter((f) => /^(fail|pass)[\w-]*\.md$/.test(f)) : []
  // A fixture folder may hold config.json for rules that need configuration (custom-phrase).
  const extra = existsSync(new URL(`${id}/config.json`, dir)) ? JSON.parse(readFileSync(new URL(`${id}/config.json`, dir), 'utf8')) : {}
  const config = {...extra, rules: {...extra.rules, [id]: 'warn'}}
  describe(`fixtures: ${id}`, () => {
    it('has fixtures that must fire and near misses that must not', () => {
      expect(files, `fixtures/${id}/fail.md`).toContain('fail.md')
      expect(files, `fixtures/${id}/pass.md`).toContain('pass.md')
    })
    for (const name of files.filter((f) => f.startsWith('fail'))) {
      it(`flags every case in ${name}`, async () => {
        const text = readFileSync(new URL(`${id}/${name}`, dir), 'utf8')
        const {messages} = await lint(text, {filePath: `fixtures/${id}/${name}`, config})
        const mine = messages.filter((m) => m.ruleId === id)
        for (const c of cases(text)) {
          const hit = mine.some((m) => m.offset >= c.start && m.offset < c.end)
          expect(hit, `fixtures/${id}/${name}:${c.line} should be flagged by ${id}: ${text.slice(c.start, c.end).slice(0, 80)}`).toBe(true)
        }
        for (const m of mine) expect(m.actual).toBe(text.slice(m.offset, m.endOffset))
      })
    }
    for (const name of files.filter((f) => f.startsWith('pass'))) {
      it(`stays quiet on ${name}`, async () => {
        const text = readFileSync(new URL(`${id}/${name}`, dir), 'utf8')
        const {messages} = await lint(text, {filePath: `fixtures/${id}/${name}`, config})
        const mine = messages.filter((m) => m.ruleId === id)
        expect(mine.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([])
      })
    }
  })
}
