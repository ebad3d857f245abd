// Property-based tests of the whole pipeline on random Markdown-like documents: headings, bold,
// italics, lists (nested), quotes, links, code, HTML, math, front matter, emoji, CRLF, a BOM, NUL,
// lone surrogates, right-to-left text and very long words, with phrases the auto-fixing rules
// rewrite mixed in. Each property runs SOPLINT_PROPERTY_RUNS cases (2,000 unless set).
// A failing case is kept as a file in test/regressions/ (see there), which the last suite lints.
import {readdirSync, readFileSync} from 'node:fs'
import {performance} from 'node:perf_hooks'
import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {fix, isInputError, lint, ruleMeta, type LintMessage, type LintOptions, type LintResult} from '../src/index.ts'

const runs = Number(process.env.SOPLINT_PROPERTY_RUNS ?? 2000)
const BOM = '\uFEFF'
const autoRules = ruleMeta.filter((m) => m.fix === 'auto').map((m) => m.id)
/** Every rule on, so that every rule meets every shape. */
const allOn: LintOptions = {config: {rules: Object.fromEntries(ruleMeta.map((m) => [m.id, 'warn' as const]))}}

// ---------------------------------------------------------------------------------------------
// The documents

const plainWords = ['I', 'the', 'a', 'an', 'data', 'model', 'study', 'hour', 'unique', 'research', 'lab', 'Professor', 'Okafor', 'MIT', 'very', 'really', 'in', 'of', 'and', 'was', 'built', 'tested', 'it']
const oddWords = [
  '🎓', '👩‍🔬', 'naïve', 'Zürich', '研究', 'Введение', 'مرحبا', 'שלום', '\u202Eabc\u202C', '\u0000', '\uD800', '\uDC00x', 'a\tb', 'x'.repeat(300),
  'C++', 'e.g.', 'U.S.', '3.5', '1,000', '50%', "don't", 'co-author', '—', '…', '&amp;', '&copy;', '\\*', '\\_'
]
/** Phrases the automatic fixes rewrite (grammar slips, repeated words, terminology). */
const fixable = ['the the', 'discussed about', 'stressed on', 'As we all know that', 'Github', 'Youtube', 'a a', 'I I']

const word = fc.oneof({weight: 8, arbitrary: fc.constantFrom(...plainWords)}, {weight: 2, arbitrary: fc.constantFrom(...oddWords)}, {weight: 2, arbitrary: fc.constantFrom(...fixable)}, {weight: 1, arbitrary: fc.string({maxLength: 6})})
const words = fc.array(word, {minLength: 1, maxLength: 8}).map((ws) => ws.join(' '))
const inline: fc.Arbitrary<string> = fc.oneof(
  {weight: 6, arbitrary: words},
  {weight: 1, arbitrary: words.map((t) => `**${t}**`)},
  {weight: 1, arbitrary: words.map((t) => `*${t}*`)},
  {weight: 1, arbitrary: words.map((t) => `***${t}***`)},
  {weight: 1, arbitrary: words.map((t) => `[${t}](https://example.org/${t.length})`)},
  {weight: 1, arbitrary: words.map((t) => `\`${t.replace(/`/g, '')}\``)},
  {weight: 1, arbitrary: words.map((t) => `<span>${t}</span>`)},
  {weight: 1, arbitrary: fc.constantFrom('$F_1$', '$x^2$', '$5 and $10', 'an $F_1$ score', '<https://example.org>', 'https://example.org/a_b', '[^1]', '<!-- soplint-disable -->', '<!-- soplint-enable -->')},
  {weight: 1, arbitrary: fc.constantFrom('**', '*', '_', '`', '[', ']', '(', '<', '>', '$', '|', '\\', '~~')}
)
const sentence = fc.array(inline, {minLength: 1, maxLength: 4}).chain((parts) => fc.constantFrom('.', '?', '!', '', ':').map((end) => parts.join(' ') + end))
const paragraph = fc.array(sentence, {minLength: 1, maxLength: 2}).map((ss) => ss.join(' '))
const block: fc.Arbitrary<string> = fc.oneof(
  {weight: 6, arbitrary: paragraph},
  {weight: 1, arbitrary: fc.tuple(fc.integer({min: 1, max: 6}), words).map(([n, t]) => `${'#'.repeat(n)} ${t}`)},
  {weight: 1, arbitrary: fc.array(paragraph, {minLength: 1, maxLength: 3}).chain((items) => fc.integer({min: 0, max: 8}).map((depth) => items.map((t, i) => `${'  '.repeat(Math.min(i, depth))}- ${t}`).join('\n')))},
  {weight: 1, arbitrary: fc.tuple(fc.integer({min: 1, max: 30}), paragraph).map(([depth, t]) => `${'> '.repeat(depth)}${t}`)},
  {weight: 1, arbitrary: words.map((t) => '```\n' + t + '\n```')},
  {weight: 1, arbitrary: fc.tuple(words, words).map(([a, b]) => `| ${a.replace(/\|/g, '')} | x |\n| - | - |\n| ${b.replace(/\|/g, '')} | y |`)},
  {weight: 1, arbitrary: fc.constantFrom('<div>\nsome html\n</div>', '---', '[^1]: A note with the the slip.', '    indented code the the')}
)
const frontMatter = fc.constantFrom('', '---\ntitle: My statement\n---\n', '---\nsoplint:\n  kind: sop\n---\n', '---\n---\n')

interface Doc {
  text: string
  bom: boolean
  crlf: boolean
}

const documents: fc.Arbitrary<Doc> = fc
  .record({front: frontMatter, blocks: fc.array(block, {minLength: 0, maxLength: 3}), crlf: fc.boolean(), bom: fc.boolean(), trailing: fc.constantFrom('', '\n', '\n\n')})
  .map(({front, blocks, crlf, bom, trailing}) => {
    let body = front + blocks.join('\n\n') + trailing
    if (crlf) body = body.replace(/\r?\n/g, '\r\n')
    return {text: (bom ? BOM : '') + body, bom, crlf}
  })

// ---------------------------------------------------------------------------------------------
// Checks

/** Where each line starts: a line ends at \n, \r\n or a lone \r, as unist points count them. */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length)
  return starts
}

/** Problems with a finding's position: outside the document, or not pointing at what it names. */
function positionProblem(body: string, starts: number[], m: LintMessage): string {
  if (!(m.offset >= 0 && m.offset <= m.endOffset && m.endOffset <= body.length)) return `range ${m.offset}..${m.endOffset} outside 0..${body.length}`
  if (body.slice(m.offset, m.endOffset) !== m.actual) return `actual ${JSON.stringify(m.actual)} is not the slice ${JSON.stringify(body.slice(m.offset, m.endOffset))}`
  for (const [line, column, offset] of [[m.line, m.column, m.offset], [m.endLine, m.endColumn, m.endOffset]]) {
    if (!(line >= 1 && line <= starts.length && column >= 1)) return `point ${line}:${column} outside the document`
    if (starts[line - 1] + column - 1 !== offset) return `point ${line}:${column} is offset ${starts[line - 1] + column - 1}, not ${offset}`
  }
  return ''
}

/**
 * `after` must be `before` with only the lines of the given ranges rewritten; '' or the first
 * difference. Lines, not ranges: a later pass may fix what an earlier fix brought together or
 * laid bare (`stressed on stressed on` becomes `stressed stressed on`, then `stressed`), and those
 * ranges are not reported by the first lint. Every line without a reported fix must come back as
 * it was, in order.
 */
function outsideUnchanged(before: string, after: string, ranges: Array<[number, number]>): string {
  const lineOf = (at: number): [number, number] => {
    const start = Math.max(before.lastIndexOf('\n', at - 1) + 1, 0)
    const next = before.indexOf('\n', at)
    return [start, next < 0 ? before.length : next]
  }
  const merged: Array<[number, number]> = []
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0]).map(([a, b]): [number, number] => [lineOf(a)[0], lineOf(b)[1]])) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  const gaps: string[] = []
  let from = 0
  for (const [start, end] of merged) {
    gaps.push(before.slice(from, start))
    from = end
  }
  gaps.push(before.slice(from))
  if (gaps.length === 1) return after === before ? '' : 'the text changed where nothing was flagged'
  if (!after.startsWith(gaps[0])) return 'the text before the first fixed line changed'
  let at = gaps[0].length
  for (const gap of gaps.slice(1, -1)) {
    const found = after.indexOf(gap, at)
    if (found < 0) return `the text between fixed lines changed: ${JSON.stringify(gap.slice(0, 60))}`
    at = found + gap.length
  }
  const tail = gaps.at(-1)!
  return after.endsWith(tail) && after.length - tail.length >= at ? '' : 'the text after the last fixed line changed'
}

/** lint(), or undefined when the document is refused with an input error (malformed front matter). */
async function lintOrRefuse(text: string, options: LintOptions): Promise<LintResult | undefined> {
  try {
    return await lint(text, options)
  } catch (error) {
    if (isInputError(error)) return undefined
    throw error
  }
}

// ---------------------------------------------------------------------------------------------
// Properties

/** lint() checks: positions exact and inside the document; time bounded by the length. */
async function checkLint(text: string): Promise<boolean> {
  const started = performance.now()
  const result = await lintOrRefuse(text, allOn)
  // Generous for a busy machine; what it catches is time growing with the square of the size.
  expect(performance.now() - started).toBeLessThan(1000 + text.length * 2)
  if (!result) return false
  const body = text.startsWith(BOM) ? text.slice(1) : text
  const starts = lineStarts(body)
  for (const m of result.messages) expect(positionProblem(body, starts, m), `${m.ruleId}: ${m.message}`).toBe('')
  return true
}

/** fix() checks: only inside the fixed ranges, line endings and BOM kept, nothing fixable left, idempotent. */
async function checkFix(text: string): Promise<void> {
  const first = await lintOrRefuse(text, allOn)
  if (!first) return
  const bom = text.startsWith(BOM)
  const fixed = await fix(text, allOn)
  expect(fixed.output.startsWith(BOM)).toBe(bom)
  const body = bom ? text.slice(1) : text
  const out = bom ? fixed.output.slice(1) : fixed.output
  const ranges = first.messages.filter((m) => m.fixable && autoRules.includes(m.ruleId)).map((m): [number, number] => [m.offset, m.endOffset])
  expect(outsideUnchanged(body, out, ranges)).toBe('')
  if (/\r\n/.test(body) && !/(^|[^\r])\n/.test(body)) expect(/(^|[^\r])\n/.test(out)).toBe(false)
  if (!body.includes('\r')) expect(out.includes('\r')).toBe(false)
  expect(fixed.result.messages.filter((m) => m.fixable && autoRules.includes(m.ruleId))).toEqual([])
  if (fixed.applied === 0) {
    expect(fixed.output).toBe(text)
    return
  }
  const again = await fix(fixed.output, allOn)
  expect(again.applied).toBe(0)
  expect(again.output).toBe(fixed.output)
}

// The first lint loads the rules' data; time is judged on the ones after it.
beforeAll(async () => void (await lint('Warm up.', allOn)), 60_000)

describe('properties of the whole pipeline', () => {
  it(`lints ${runs} random documents without throwing, in bounded time, with exact positions`, async () => {
    await fc.assert(fc.asyncProperty(documents, async ({text}) => void (await checkLint(text))), {numRuns: runs})
  }, 400_000)

  it(`fixes ${runs} random documents idempotently, only inside the ranges it reports, keeping CRLF and BOM`, async () => {
    await fc.assert(fc.asyncProperty(documents, async ({text}) => checkFix(text)), {numRuns: runs})
  }, 400_000)
})

describe('regressions found by the properties', () => {
  const dir = new URL('./regressions/', import.meta.url)
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    it(name, async () => {
      const {text} = JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as {text: string}
      await checkLint(text)
      await checkFix(text)
    })
  }
})
