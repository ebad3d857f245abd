// Whole statements: well-written ones stay quiet; the bundled example shows every flaw class.
import {readFileSync, readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.ts'

const dir = 'fixtures/_statements'

describe('well-written statements raise no warnings or errors', () => {
  for (const name of readdirSync(dir).filter((f) => f.startsWith('clean-'))) {
    it(name, async () => {
      const text = readFileSync(`${dir}/${name}`, 'utf8')
      const {messages} = await lint(text, {filePath: `${dir}/${name}`})
      expect(messages.filter((m) => m.level !== 'info').map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([])
    })
  }
})
