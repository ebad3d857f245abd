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
  it('names a bad level with a did-you-mean', async () => {
    expect(await bad({rules: {hedge: 'eror'}})).toBe('.soplintrc.json: rules.hedge: level must be one of error, warn, info, off (got "eror") (did you mean "error"?)')
    expect(await bad({rules: {hedge: ['wrn', {}]}})).toBe('.soplintrc.json: rules.hedge: level must be one of error, warn, info, off (got "wrn") (did you mean "warn"?)')
    expect(await bad({rules: {hedge: 'loud'}})).toBe('.soplintrc.json: rules.hedge: level must be one of error, warn, info, off (got "loud")')
    expect(await bad({phrases: [{phrase: 'utilize', level: 'erorr'}]})).toBe('.soplintrc.json: phrases.0.level: level must be one of error, warn, info, off (got "erorr") (did you mean "error"?)')
  })
  it('accepts "warning", the word the report prints, as "warn"', async () => {
    const config = {rules: {hedge: 'warning', 'sentence-length': ['warning', {max: 5, hardMax: 5}]}, phrases: [{phrase: 'utilize', level: 'warning'}]}
    const {messages} = await lint('Perhaps we utilize a very long sentence here.\n', {config: config as never})
    expect(messages.filter((m) => m.ruleId !== 'length').map((m) => [m.ruleId, m.level])).toEqual([
      ['hedge', 'warning'],
      ['sentence-length', 'warning'],
      ['custom-phrase', 'warning']
    ])
    // The caller's object is left as written.
    expect(config.rules.hedge).toBe('warning')
  })
  it('names a bad option and its type', async () => {
    expect(await bad({rules: {'sentence-length': ['warn', {maxx: 3}]}})).toBe('.soplintrc.json: rules.sentence-length: unknown option "maxx" (did you mean "max"?)')
    expect(await bad({rules: {'sentence-length': ['warn', {max: 'long'}]}})).toBe('.soplintrc.json: rules.sentence-length: option "max" must be a number')
  })
  it('names an unknown top-level key and a bad preset', async () => {
    expect(await bad({preset: 'sop', rulez: {}})).toBe('.soplintrc.json: unknown key "rulez" (did you mean "rules"?)')
    expect(await bad({preset: 'essay'})).toMatch(/^\.soplintrc\.json: preset: /)
  })
  it('names the key and what it takes for every top-level setting', async () => {
    const cases: Array<[unknown, string]> = [
      [{preset: 'essay'}, 'preset: expected one of sop, personal-statement, research-statement, cover-letter, not "essay"'],
      [{kind: 3}, 'kind: expected one of sop, personal-statement, research-statement, cover-letter, not 3'],
      [{target: ''}, 'target: expected a non-empty string, not ""'],
      [{program: ['MIT']}, 'program: expected a non-empty string, not a list'],
      [{minWords: -1}, 'minWords: expected a whole number of 0 or more, not -1'],
      [{maxWords: 0}, 'maxWords: expected a whole number of 1 or more, not 0'],
      [{maxWords: 999.5}, 'maxWords: expected a whole number of 1 or more, not 999.5'],
      [{rules: ['hedge']}, 'rules: expected an object, not a list'],
      [{accept: 'Ph. D'}, 'accept: expected a list of strings, not "Ph. D"'],
      [{accept: ['ok', 2]}, 'accept: expected a list of strings, not a list'],
      [{otherTargets: null}, 'otherTargets: expected a list of strings, not null'],
      [{phrases: {phrase: 'x'}}, 'phrases: expected a list of phrases, not an object'],
      [{phrases: ['utilize']}, 'phrases.0: expected an object, not "utilize"'],
      [{phrases: [{message: 'no phrase'}]}, 'phrases.0.phrase: is required'],
      [{phrases: [{phrase: 'utilize', rule: 'x'}]}, 'unknown key "phrases.0.rule" (did you mean "ruleId"?)'],
      [{phrases: [{phrase: 'utilize', ruleId: 'My Rule'}]}, 'phrases.0.ruleId: expected a kebab-case id, not "My Rule"'],
      [{phrases: [{phrase: 'utilize', level: 'loud'}]}, 'phrases.0.level: level must be one of error, warn, info, off (got "loud")'],
      [[], 'configuration: expected an object, not a list']
    ]
    for (const [config, message] of cases) expect(await bad(config)).toBe(`.soplintrc.json: ${message}`)
  })
  it('takes every setting when it is right', async () => {
    const config = {$schema: 'x', preset: 'sop', kind: 'cover-letter', target: 'MIT', program: 'EECS', minWords: 0, maxWords: 1000, rules: {hedge: 'off'}, accept: ['Ph. D'], otherTargets: ['Stanford'], phrases: [{phrase: 'utilize', message: 'Say use', replace: 'use', ruleId: 'plain-words', level: 'warn'}]}
    expect(await bad(config)).toBe('no error')
  })
  it('takes levels with options', async () => {
    const text = 'One two three four five six seven eight nine ten eleven twelve thirteen.\n'
    const {messages} = await lint(text, {config: {rules: {'sentence-length': ['error', {max: 10, hardMax: 10}]}}})
    expect(messages.filter((m) => m.ruleId === 'sentence-length').map((m) => m.level)).toEqual(['error'])
  })
})
