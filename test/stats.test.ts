// Statistics and the score on small statements written for this suite; every expected value
// was counted by hand (the counts are in the comments).
import {describe, expect, it} from 'vitest'
import {compareResults, lint, renderHighlights, scoreOf, type DocumentStats, type LintMessage} from '../src/index.ts'

const quiet = {config: {rules: {}}}

describe('stats', () => {
  it('counts words, sentences, emphasis, I-openings and specifics by hand', async () => {
    const text = [
      'I study **graph neural networks** at Carnegie Mellon University. I built a model in 2023 that cut the error by 12 percent.',
      '',
      'My advisor, Ana Lee, taught me to test claims.',
      ''
    ].join('\n')
    const {stats} = await lint(text, {...quiet, stats: true})
    // 9 + 13 + 9 words; three sentences; two paragraphs.
    expect(stats.words).toBe(31)
    expect(stats.sentences).toBe(3)
    expect(stats.paragraphs).toBe(2)
    expect(stats.wordLimit).toBe(1000)
    expect(stats.wordMinimum).toBe(300)
    expect(stats.meanSentenceWords).toBe(10.3) // 31 / 3
    expect(stats.longestSentenceWords).toBe(13)
    expect(stats.longestSentenceLine).toBe(1)
    expect(stats.boldShare).toBe(0.097) // 3 of 31
    expect(stats.italicShare).toBe(0)
    expect(stats.iStartShare).toBe(0.667) // 2 of 3
    // 2023 and 12; "Carnegie Mellon University" and "Ana Lee" (the first word of a sentence and "I" are not names).
    expect(stats.numbers).toBe(2)
    expect(stats.names).toBe(2)
    expect(stats.specificsPer100).toBe(12.9) // 4 * 100 / 31
  })

  it('computes Flesch reading ease and the grade level from the formulas', async () => {
    // 6 words, 6 syllables, 17 letters, 1 sentence.
    const {stats} = await lint('The cat sat on the mat.\n', {...quiet, stats: true})
    // 206.835 - 1.015 * 6 - 84.6 * 1
    expect(stats.readingEase).toBe(116.1)
    // Coleman-Liau 0.0588 * 283.33 - 0.296 * 16.67 - 15.8 = -4.07; ARI 4.71 * 2.833 + 0.5 * 6 - 21.43 = -5.08
    expect(stats.gradeLevel).toBe(-4.6)
  })

  it('counts italics (LaTeX \\emph too) and leaves headings out', async () => {
    const md = '# A Heading With Words\n\nThe *first two* words here are plain, and *these* are not.\n'
    const {stats} = await lint(md, {...quiet, stats: true})
    // 11 words in the paragraph, 3 in italics; the heading's 4 words count as words but not in shares.
    expect(stats.words).toBe(15)
    expect(stats.italicShare).toBe(0.273)
    const tex = '\\documentclass{article}\n\\begin{document}\nThe \\emph{first two} words here are plain, and \\textbf{these} are not.\n\\end{document}\n'
    const fromTex = await lint(tex, {...quiet, filePath: 'x.tex', stats: true})
    expect(fromTex.stats.italicShare).toBe(0.182) // 2 of 11
    expect(fromTex.stats.boldShare).toBe(0.091) // 1 of 11
  })

  it('gives findings per 1,000 words by rule', async () => {
    const {stats, messages} = await lint('I ran the the tests and and left.\n', {config: {rules: {'repeated-word': 'warn'}}, stats: true})
    expect(messages.filter((m) => m.ruleId === 'repeated-word')).toHaveLength(2)
    // 2 findings in 8 words
    expect(stats.findingsPer1000?.['repeated-word']).toBe(250)
  })

  it('leaves the result as it was without stats: true', async () => {
    const result = await lint('I ran the tests.\n', quiet)
    expect(Object.keys(result.stats).sort()).toEqual(['paragraphs', 'sentences', 'words'])
    expect(result.score).toBeUndefined()
  })
})

const base: DocumentStats = {
  words: 500, sentences: 25, paragraphs: 5, wordLimit: 1000, wordMinimum: 300, meanSentenceWords: 20, longestSentenceWords: 30,
  longestSentenceLine: 3, readingEase: 45, gradeLevel: 13, boldShare: 0, italicShare: 0, iStartShare: 0.3, numbers: 8, names: 12,
  specificsPer100: 4, findingsPer1000: {}
}
const finding = (ruleId: string, level: LintMessage['level'], actual = 'x'): LintMessage => ({
  ruleId, level, severity: level === 'error' ? 2 : 1, message: `${actual} m`, line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0,
  endOffset: actual.length, actual, expected: [], fixable: false, url: '', source: 'soplint'
})

describe('score', () => {
  it('is 100 for a clean statement within every threshold', () => {
    expect(scoreOf(base, [])).toEqual({score: 100, deductions: []})
  })

  it('charges each finding by level, caps each rule, and orders by points', () => {
    const messages = [
      ...Array.from({length: 4}, () => finding('stock-phrase', 'warning')), // 4 x 3 = 12
      ...Array.from({length: 7}, () => finding('passive-voice', 'info')), // 7 x 1 = 7, capped at 5
      finding('placeholder', 'error'), // 6
      ...Array.from({length: 6}, () => finding('spelling', 'warning')) // 18, capped at 15
    ]
    const {score, deductions} = scoreOf(base, messages)
    expect(deductions.map((d) => [d.points, d.reason])).toEqual([
      [15, '6 misspellings'],
      [12, '4 stock phrases'],
      [6, '1 template leftover'],
      [5, '7 passive verbs']
    ])
    expect(score).toBe(100 - 38)
  })

  it('charges statistics past their thresholds, not the rules that restate them', () => {
    const stats = {...base, words: 1200, boldShare: 0.34, iStartShare: 0.8, meanSentenceWords: 28.5, readingEase: 10, specificsPer100: 0.5}
    const {score, deductions} = scoreOf(stats, [finding('length', 'info'), finding('bold-overuse', 'warning')])
    expect(deductions.map((d) => [d.points, d.stat])).toEqual([
      // (1200 - 1000) / 1000 * 25 = 5
      [5, 'words'],
      // (0.34 - 0.08) * 50 = 13
      [13, 'boldShare'],
      // (25 - 10) / 3 = 5; (2 - 0.5) * 4 = 6; (0.8 - 0.5) * 20 = 6 capped at 5; 28.5 - 25 = 3.5 -> 4
      [6, 'specificsPer100'],
      [5, 'iStartShare'], // ties in the order of their reasons: "80% of ..." before "reading ease ..."
      [5, 'readingEase'],
      [4, 'meanSentenceWords']
    ].sort((a, b) => (b[0] as number) - (a[0] as number)))
    expect(deductions.find((d) => d.stat === 'boldShare')?.reason).toBe('34% of the words are bold')
    expect(score).toBe(100 - 38)
  })

  it('does not charge what a rule the user turned off restates', async () => {
    const stats = {...base, words: 1200, boldShare: 0.34, italicShare: 0.5}
    expect(scoreOf(stats, [], {off: ['length', 'bold-overuse']}).deductions).toEqual([])
    expect(scoreOf(stats, [], {off: ['length']}).deductions.map((d) => d.stat)).toEqual(['boldShare', 'italicShare'])
    // Through lint(): 6 words, under the minimum of 300, charged only while `length` is on.
    const on = await lint('The cat sat on the mat.\n', {config: {rules: {}}, stats: true})
    const off = await lint('The cat sat on the mat.\n', {config: {rules: {length: 'off'}}, stats: true})
    expect(on.deductions?.map((d) => d.reason)).toEqual(['6 words, 294 under the minimum of 300'])
    expect(off.deductions).toEqual([])
    expect(off.score).toBe(100)
  })

  it('never goes below 0', () => {
    const messages = Object.keys({'stock-phrase': 1, spelling: 1, hedge: 1, placeholder: 1, 'grammar-slip': 1, 'missing-specifics': 1, terminology: 1, 'sentence-length': 1})
      .flatMap((id) => Array.from({length: 6}, () => finding(id, 'error')))
    expect(scoreOf({...base, words: 3000}, messages).score).toBe(0)
  })
})

describe('compare', () => {
  it('matches findings by rule and text, not by place', () => {
    const old = {messages: [finding('stock-phrase', 'warning', 'From a young age'), finding('spelling', 'warning', 'recieve'), finding('length', 'info', 'aaa')], stats: {}, score: 70}
    const moved = {...finding('stock-phrase', 'warning', 'from a  young age'), offset: 400, line: 9}
    const next = {messages: [moved, finding('hedge', 'info', 'quite'), finding('length', 'info', 'bbb')], stats: {}, score: 80}
    const c = compareResults(old, next)
    expect(c.fixed.map((m) => m.actual)).toEqual(['recieve'])
    expect(c.remaining.map((m) => [m.ruleId, m.line])).toEqual([['stock-phrase', 9], ['length', 1]])
    expect(c.added.map((m) => m.actual)).toEqual(['quite'])
    expect(c.verdict).toBe('better')
    expect(compareResults(next, old).verdict).toBe('worse')
  })

  it('counts a finding twice in the new draft and once in the old as one remaining and one added', () => {
    const c = compareResults({messages: [finding('hedge', 'info', 'quite')], stats: {}, score: 90}, {messages: [finding('hedge', 'info', 'quite'), finding('hedge', 'info', 'Quite')], stats: {}, score: 90})
    expect([c.fixed.length, c.remaining.length, c.added.length, c.verdict]).toEqual([0, 1, 1, 'same'])
  })
})

describe('highlights', () => {
  const at = (text: string, actual: string, ruleId = 'r', from = 0): LintMessage => {
    const offset = text.indexOf(actual, from)
    return {...finding(ruleId, 'warning', actual), offset, endOffset: offset + actual.length}
  }
  const marks = (html: string) => [...html.matchAll(/<mark[^>]*data-rule="([^"]+)"[^>]*>/g)].map((m) => m[1])

  it('marks each finding in place, escaped, nested when one holds another', () => {
    const text = 'A <b> & "quoted" text with the the word.\r\nEmoji 🎓 here.'
    const messages = [at(text, 'the the', 'repeated-word'), at(text, 'text with the the word', 'outer'), at(text, '🎓', 'emoji')]
    const {html, unmarked} = renderHighlights(text, messages)
    expect(unmarked).toEqual([])
    expect(marks(html)).toEqual(['outer', 'repeated-word', 'emoji'])
    expect(html.startsWith('A &lt;b&gt; &amp; &quot;quoted&quot; ')).toBe(true)
    expect(html).toContain('<mark class="hl warning" id="f-1" data-rule="outer"')
    // Stripping the tags and unescaping gives the text back.
    const back = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    expect(back).toBe(text)
  })

  it('leaves out a finding that crosses another and reports it', () => {
    const text = 'one two three four'
    const messages = [at(text, 'one two three', 'a'), at(text, 'three four', 'b')]
    const {html, unmarked} = renderHighlights(text, messages)
    expect(unmarked).toEqual([1])
    expect(marks(html)).toEqual(['a'])
  })

  it('counts offsets after a byte order mark', () => {
    const text = '\uFEFFI ran the the tests.'
    const m = {...finding('repeated-word', 'warning', 'the the'), offset: 6, endOffset: 13}
    expect(renderHighlights(text, [m]).html).toMatch(/>the the<\/mark>/)
  })
})
