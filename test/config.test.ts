// Configuration validation: one line naming the source, the key and what is expected.
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.ts'

const bad = async (config: unknown) => {
  try {
    await lint('Text.\n', {config: config as never, configSource: '.soplintrc.json'})
  } catch (error) {
    return (error as Error).message
  }
  return 'no error'
}

describe('config validation', () => {
  it('names an unknown rule with a did-you-mean', async () => {
    expect(await bad({rules: {hedges: 'off'}})).toBe('.soplintrc.json: rules.hedges: unknown rule "hedges" (did you mean "hedge"?)')
  })
  it('names a bad level', async () => {
    expect(await bad({rules: {hedge: 'warning'}})).toBe('.soplintrc.json: rules.hedge: level must be one of error, warn, info, off (got "warning")')
  })
  it('names a bad option and its type', async () => {
    expect(await bad({rules: {'sentence-length': ['warn', {maxx: 3}]}})).toBe('.soplintrc.json: rules.sentence-length: unknown option "maxx" (did you mean "max"?)')
    expect(await bad({rules: {'sentence-length': ['warn', {max: 'long'}]}})).toBe('.soplintrc.json: rules.sentence-length: option "max" must be a number')
  })
  it('names an unknown top-level key and a bad preset', async () => {
    expect(await bad({preset: 'sop', rulez: {}})).toBe('.soplintrc.json: unknown key "rulez" (did you mean "rules"?)')
    expect(await bad({preset: 'essay'})).toMatch(/^\.soplintrc\.json: preset: /)
  })
  it('takes levels with options', async () => {
    const text = 'One two three four five six seven eight nine ten eleven twelve thirteen.\n'
    const {messages} = await lint(text, {config: {rules: {'sentence-length': ['error', {max: 10, hardMax: 10}]}}})
    expect(messages.filter((m) => m.ruleId === 'sentence-length').map((m) => m.level)).toEqual(['error'])
  })
})
