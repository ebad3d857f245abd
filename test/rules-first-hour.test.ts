// Rule behaviour a new user tripped over in the first hour, as a valid/invalid table each:
// spelling judged by the majority of words, a deletion that would leave a comma splice offered
// as a suggestion only, and unknown rule ids in inline comments.
import {describe, expect, it} from 'vitest'
import {fix, lint, type LintMessage} from '../src/index.ts'
import {soplint, workspace} from './helpers.ts'

const only = (id: string) => ({config: {rules: {[id]: 'warn' as const}}, only: [id]})
const found = (messages: LintMessage[], id: string) => messages.filter((m) => m.ruleId === id).map((m) => ({line: m.line, column: m.column, actual: m.actual, expected: m.expected, fixable: m.fixable}))

describe('consistency: the majority of words decides American or British spelling', () => {
  // Three American words (behavior, behavioral, modeling) against one British word written four times.
  const text = [
    'I study animal behavior in small groups, and behavioral data is my favourite kind of data.',
    'Modeling flocks taught me patience. Later, modelling crowds became my main project.',
    'I organized a reading group on modelling and came to realize how much I enjoy teaching.',
    'Modelling schools of fish is next, and modelling them well takes time.'
  ].join('\n\n')

  it('flags the British words, not the American ones that more words use', async () => {
    const {messages} = await lint(text, only('consistency'))
    expect(found(messages, 'consistency').map((m) => [m.line, m.column, m.actual, m.expected[0]])).toEqual([
      [1, 68, 'favourite', 'favorite'],
      [3, 44, 'modelling', 'modeling'],
      [5, 32, 'modelling', 'modeling'],
      [7, 1, 'Modelling', 'Modeling'],
      [7, 40, 'modelling', 'modeling']
    ])
  })

  it('still lets a word used in more places win over a single other word', async () => {
    const british = 'I study animal behaviour and the colour of plumage.\n\nI analysed the colour data and modelled flight paths, then modeled them again.\n'
    const {messages} = await lint(british, only('consistency'))
    expect(found(messages, 'consistency').map((m) => [m.actual, m.expected[0]])).toEqual([['modeled', 'modelled']])
  })
})

describe('grammar-slip: a deletion that would leave a comma splice is a suggestion', () => {
  it('offers both readings, not an automatic fix, when a clause follows', async () => {
    const text = 'As we all know that data is everywhere, I chose to study statistics.\n'
    const {messages} = await lint(text, only('grammar-slip'))
    expect(found(messages, 'grammar-slip')).toEqual([{line: 1, column: 1, actual: 'As we all know that', expected: ['As', 'As we all know,'], fixable: false}])
    expect(messages[0].message).toBe('`As we all know that` does not take `that`, and a comma in its place would run two sentences together; write `As` alone, or `As we all know,` and end the sentence after the fact it introduces')
    // --fix leaves the sentence as written.
    expect((await fix(text, only('grammar-slip'))).output).toBe(text)
  })

  it('still fixes the opener when the fact ends the sentence', async () => {
    const text = 'As everyone knows that practice matters. I practised every day.\n'
    const {messages} = await lint(text, only('grammar-slip'))
    expect(found(messages, 'grammar-slip')).toEqual([{line: 1, column: 1, actual: 'As everyone knows that', expected: ['As everyone knows,'], fixable: true}])
    expect((await fix(text, only('grammar-slip'))).output).toBe('As everyone knows, practice matters. I practised every day.\n')
  })
})

describe('unknown-rule: a rule id in an inline comment that names no rule', () => {
  const cases: Array<{name: string; text: string; format: 'md' | 'txt' | 'tex'; want: Array<[number, number, string, string[]]>}> = [
    {name: 'Markdown', format: 'md', text: '<!-- soplint disable hedg -->\n\nI think it might work.\n', want: [[1, 22, 'hedg', ['hedge']]]},
    {name: 'Markdown, CRLF and two ids', format: 'md', text: 'Intro 🤖 text here.\r\n\r\n<!-- soplint ignore hedge, bold-overuze frobnicate -->\r\nI think it might work.\r\n', want: [[3, 28, 'bold-overuze', ['bold-overuse']], [3, 41, 'frobnicate', []]]},
    {name: 'plain text', format: 'txt', text: 'First.\n\n<!-- soplint disable stock-phrases -->\n\nSecond.\n', want: [[3, 22, 'stock-phrases', ['stock-phrase']]]},
    {name: 'LaTeX', format: 'tex', text: '\\documentclass{article}\n\\begin{document}\n\tText here. % soplint disable passive\nI was told.\n\\end{document}\n', want: [[3, 31, 'passive', ['passive-voice']]]}
  ]
  for (const c of cases) {
    it(`warns with a did-you-mean in ${c.name}`, async () => {
      const {messages} = await lint(c.text, {format: c.format})
      const mine = messages.filter((m) => m.ruleId === 'unknown-rule')
      expect(mine.map((m) => [m.line, m.column, m.actual, m.expected])).toEqual(c.want)
      expect(mine.every((m) => m.level === 'warning')).toBe(true)
    })
  }

  it('knows the ids of the project\'s own phrases', async () => {
    const {messages} = await lint('<!-- soplint disable house-style -->\n\nWe utilize GPUs.\n', {config: {phrases: [{phrase: 'utilize', replace: 'use', ruleId: 'house-style'}]}})
    expect(messages.filter((m) => m.ruleId === 'unknown-rule' || m.ruleId === 'house-style')).toEqual([])
  })

  it('is reported by the CLI', () => {
    const dir = workspace({'sop.md': '<!-- soplint disable hedg -->\n\nI think the result might hold.\n'})
    const r = soplint(['--format', 'compact', 'sop.md'], {cwd: dir})
    expect(r.stdout).toContain('sop.md:1:22: warning `hedg` is not a soplint rule, so this comment turns nothing off; write `hedge` [unknown-rule]')
  })
})
