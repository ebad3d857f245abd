// The core through the public API: positions, what is not prose, inline control, settings.
import {describe, expect, it} from 'vitest'
import {lint, type Config, type LintMessage} from '../src/index.ts'
import fc from 'fast-check'
import {thousands} from '../src/core/numbers.ts'

const only = (id: string): {config: Config} => ({config: {rules: {[id]: 'warn'}}})
const byRule = (messages: LintMessage[], id: string) => messages.filter((m) => m.ruleId === id)

describe('positions', () => {
  const cases: Array<[string, string]> = [
    ['LF', 'Intro line.\n\nI ran the the tests.\n'],
    ['CRLF', 'Intro line.\r\n\r\nI ran the the tests.\r\n'],
    ['tabs', 'Intro\tline.\n\nI\tran the the\ttests.\n'],
    ['emoji', 'Intro 🎓 line 👩‍🔬.\n\nI 🚀 ran the the tests.\n'],
    ['non-Latin', 'Введение — 研究 line.\n\nI ran ब्लॉग the the tests.\n']
  ]
  for (const [name, text] of cases) {
    it(`points at the flagged text with ${name}`, async () => {
      const {messages} = await lint(text, only('repeated-word'))
      const [m] = byRule(messages, 'repeated-word')
      expect(m).toBeDefined()
      expect(text.slice(m.offset, m.endOffset)).toBe('the the')
      expect(m.actual).toBe('the the')
      const lines = text.split(/\r?\n/)
      expect(m.line).toBe(3)
      expect(lines[m.line - 1].slice(m.column - 1, m.endColumn - 1)).toBe('the the')
      expect(m.endLine).toBe(3)
    })
  }

  it('reports positions in the text after a byte order mark, as ESLint does', async () => {
    const text = '\uFEFFI ran the the tests.\n'
    const {messages} = await lint(text, only('repeated-word'))
    const [m] = byRule(messages, 'repeated-word')
    expect(m.line).toBe(1)
    expect(m.column).toBe(7)
    expect(text.slice(1).slice(m.offset, m.endOffset)).toBe('the the')
  })

  it('follows a sentence across a hard line wrap and Markdown emphasis', async () => {
    const text = 'I ran **the**\nthe tests.\n'
    const [m] = byRule((await lint(text, only('repeated-word'))).messages, 'repeated-word')
    expect(m).toBeDefined()
    expect(m.offset).toBe(text.indexOf('the'))
    expect(m.endOffset).toBe(text.lastIndexOf('the') + 3)
    expect(m.line).toBe(1)
    expect(m.endLine).toBe(2)
  })
})

describe('what is not prose', () => {
  it('never lints code, inline code, URLs, HTML or front matter', async () => {
    const text = [
      '---',
      'title: the the title',
      '---',
      '',
      'Run `the the` now, see https://example.com/the/the and <abbr title="the the">it</abbr>.',
      '',
      '```',
      'the the',
      '```',
      '',
      '<div>the the</div>',
      ''
    ].join('\n')
    const {messages} = await lint(text, only('repeated-word'))
    expect(byRule(messages, 'repeated-word')).toEqual([])
  })

  it('splits plain text on blank lines only, with CRLF too', async () => {
    const text = 'First line of a sentence\r\nthat wraps.\r\n\r\nSecond paragraph.\r\n'
    const r = await lint(text, {format: 'txt'})
    expect(r.stats).toMatchObject({sentences: 2, paragraphs: 2})
  })

  it('lints plain text without Markdown: an asterisk is an asterisk', async () => {
    const text = 'I used *the the* wildcard.\n'
    const [m] = byRule((await lint(text, {format: 'txt', ...only('repeated-word')})).messages, 'repeated-word')
    expect(m.actual).toBe('the the')
  })
})

describe('inline control', () => {
  const text = (comment: string) => `First the the one.\n\n${comment}\n\nSecond the the two.\n\nThird the the three.\n`
  const lines = async (t: string) => byRule((await lint(t, only('repeated-word'))).messages, 'repeated-word').map((m) => m.line)

  it('disable turns a rule off until enable', async () => {
    expect(await lines(text('<!-- soplint disable repeated-word -->'))).toEqual([1])
    expect(await lines('<!-- soplint disable repeated-word -->\n\nA the the.\n\n<!-- soplint enable repeated-word -->\n\nB the the.\n')).toEqual([7])
  })

  it('ignore covers the next block only', async () => {
    expect(await lines(text('<!-- soplint ignore repeated-word -->'))).toEqual([1, 7])
  })

  it('no id means every rule; another id leaves this rule alone', async () => {
    expect(await lines(text('<!-- soplint disable -->'))).toEqual([1])
    expect(await lines(text('<!-- soplint disable hedge -->'))).toEqual([1, 5, 7])
  })
})

describe('settings', () => {
  const long = Array.from({length: 60}, (_, i) => `Sentence number ${i} tells one small fact.`).join(' ')

  it('front matter beats the config, which beats the preset', async () => {
    const base = await lint(long, {config: {rules: {length: 'warn'}}})
    expect(base.settings.maxWords).toBe(1000)
    expect(byRule(base.messages, 'length')).toEqual([])
    const configured = await lint(long, {config: {preset: 'cover-letter', rules: {length: 'warn'}}})
    expect(configured.settings.maxWords).toBe(400)
    const fm = await lint(`---\nmaxWords: 100\n---\n\n${long}`, {config: {preset: 'cover-letter', maxWords: 500, rules: {length: 'warn'}}})
    expect(fm.settings.maxWords).toBe(100)
    const [m] = byRule(fm.messages, 'length')
    expect(m.message).toMatch(/over your limit of 100/)
    expect(m.level).toBe("warning")
  })

  it('takes the kind from the file name when nothing else says', async () => {
    const text = 'Dear Dr. Rivera,\n\nI build payment systems.\n\nBest regards,\n\nMaya\n'
    expect((await lint(text, {filePath: 'letters/cover-letter-stripe.md'})).settings.kind).toBe('cover-letter')
    expect((await lint(text, {filePath: 'personal_statement.md'})).settings.kind).toBe('personal-statement')
    expect((await lint(text, {filePath: 'research-proposal.tex', format: 'md'})).settings.kind).toBe('research-statement')
    expect((await lint(text, {filePath: 'sop.md'})).settings.kind).toBe('sop')
    expect((await lint(text, {filePath: 'cover-letter.md', config: {preset: 'sop'}})).settings.kind).toBe('sop')
    expect((await lint('---\nkind: sop\n---\n\n' + text, {filePath: 'cover-letter.md'})).settings.kind).toBe('sop')
  })

  it('returns words, sentences and paragraphs', async () => {
    const r = await lint('# Title\n\nOne two three. Four five.\n\nSix seven.\n')
    expect(r.stats).toEqual({words: 8, sentences: 4, paragraphs: 2})
  })

  it('rejects malformed front matter with one line', async () => {
    await expect(lint('---\nkind: [sop\n---\n\nText.\n')).rejects.toThrow(/^malformed front matter on line 2: Flow sequence/)
    await expect(lint('---\nkind: essay\n---\n\nText.\n')).rejects.toThrow(/kind must be one of sop, personal-statement/)
  })

  it('accept drops findings on accepted phrases', async () => {
    const {messages} = await lint('It was quite good.\n', {config: {rules: {hedge: 'warn'}, accept: ['Quite']}})
    expect(byRule(messages, 'hedge')).toEqual([])
  })

  it('user phrases report under their own id with their replacement', async () => {
    const {messages} = await lint('We utilize GPUs.\n', {config: {phrases: [{phrase: 'utilize', replace: 'use', ruleId: 'house-style'}]}})
    const [m] = messages.filter((x) => x.ruleId === 'house-style')
    expect(m).toMatchObject({actual: 'utilize', expected: ['use'], level: 'warning', line: 1, column: 4})
  })
})

describe('message identity', () => {
  it('every message has a rule id, url, level, full range and the exact slice', async () => {
    const text = '# Statement\n\nI ran the the tests and it was quite good. I was introduced to it.\n'
    const {messages} = await lint(text)
    expect(messages.length).toBeGreaterThan(0)
    for (const m of messages) {
      expect(m.ruleId).toMatch(/^[a-z-]+$/)
      expect(m.url).toMatch(new RegExp(`/docs/rules/${m.ruleId}\\.md$`))
      expect(m.source).toBe('soplint')
      expect(['error', 'warning', 'info']).toContain(m.level)
      expect(m.severity).toBe(m.level === 'error' ? 2 : 1)
      expect(m.endOffset).toBeGreaterThan(m.offset)
      expect(m.actual).toBe(text.slice(m.offset, m.endOffset))
      expect(m.message).not.toMatch(/!/)
    }
  })
})

describe('thousands', () => {
  it('writes whole numbers as toLocaleString("en-US") does, without loading ICU', () => {
    fc.assert(fc.property(fc.integer({min: -1e12, max: 1e12}), (n) => thousands(n) === n.toLocaleString('en-US')))
    expect(thousands(0)).toBe('0')
    expect(thousands(999)).toBe('999')
    expect(thousands(1000)).toBe('1,000')
    expect(thousands(1234567)).toBe('1,234,567')
  })
})

describe('data loader', () => {
  it('lintSync() names the data set it lacks, and a supplied value is used in place of the bundled one', async () => {
    const {defineData, loadData} = await import('../src/index.ts')
    const words = defineData('test-words', async () => 'bundled', (raw: string) => raw.toUpperCase())
    expect(() => words.get()).toThrow(/"test-words" is not loaded/)
    await loadData([words], (name) => (name === 'test-words' ? 'supplied' : undefined))
    expect(words.get()).toBe('SUPPLIED')
    const other = defineData('other-words', async () => 'bundled')
    await loadData([other], () => undefined)
    expect(other.get()).toBe('bundled')
  })
})
