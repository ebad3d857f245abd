// Every pattern of grammar-pattern: its examples must fire and its near misses must not, with the
// rule's range on the word it names; and the tagger is loaded only for a text that needs it.
import {beforeAll, describe, expect, it} from 'vitest'
import {lint, prepare} from '../src/index.ts'
import {patternExamples} from '../rules/grammar-pattern.ts'
import rule from '../rules/grammar-pattern.ts'

// Load the large data (dictionary, tagger) once, outside the tests' time limit: from the sources it
// is slow to transform on a busy machine.
beforeAll(() => prepare(), 180_000)

const config = {rules: {'grammar-pattern': 'warn' as const}}
const mine = async (text: string) => (await lint(text, {config})).messages.filter((m) => m.ruleId === 'grammar-pattern')

describe('grammar-pattern', () => {
  for (const [name, {examples, allows}] of Object.entries(patternExamples)) {
    for (const example of examples) {
      it(`${name} fires: ${example}`, async () => {
        const found = await mine(example)
        expect(found.length, example).toBeGreaterThan(0)
        for (const m of found) expect(m.actual).toBe(example.slice(m.offset, m.endOffset))
      })
    }
    for (const allow of allows) {
      it(`${name} stays quiet: ${allow}`, async () => {
        expect((await mine(allow)).map((m) => m.message)).toEqual([])
      })
    }
  }

  it('names the word and the replacement', async () => {
    const text = 'I built the tools that makes the pipeline reproducible, and she always write tests.'
    const found = await mine(text)
    expect(found.map((m) => [m.actual, m.expected, m.offset])).toEqual([
      ['makes', ['make'], text.indexOf('makes')],
      ['write', ['writes'], text.indexOf('write ')]
    ])
  })

  it('wants its tagger only for a text with a sentence that needs it', () => {
    const tagger = rule.meta.data![0]
    expect(tagger.wanted('I built a compiler and wrote its documentation.')).toBe(false)
    expect(tagger.wanted('One of the tools that makes it possible.')).toBe(true)
    expect(tagger.wanted('My advisor said he always write tests.')).toBe(true)
    expect(tagger.wanted('Every students passed.')).toBe(true)
  })

  it('finds the slips with exact positions after a BOM, CRLF, tabs and emoji', async () => {
    const text = '\uFEFFI like robots 🤖.\r\n\r\nMy sister\tsays she always write poems.\r\n'
    const found = (await lint(text, {config})).messages.filter((m) => m.ruleId === 'grammar-pattern')
    expect(found).toHaveLength(1)
    const body = text.slice(1)
    expect(found[0]).toMatchObject({actual: 'write', offset: body.indexOf('write'), line: 3, column: body.split('\n')[2].indexOf('write') + 1})
  })
})
