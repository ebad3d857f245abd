// Time grows linearly with hostile input, in the built bundle (with its patched parser loops):
// the shapes that once grew with the square of their size lint 8 times the units in well under
// 64 times the time. CPU time of this process, so a busy machine does not fail it; the bound is
// three times linear. Also: the bundle finds exactly what the sources find on every shape, so
// the patches change nothing but the time. And documents nested past the limits are refused
// with one line and exit 2, while those at the limits are read; so are documents with more markup,
// LaTeX or Word runs than soplint reads.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {docxRuns, mixed, shapes} from '../bench/shapes.js'
import * as source from '../src/index.ts'
import {checkNesting, latexLimit, markupLimits, markupLimitsFor, nestingLimits} from '../src/core/limits.ts'
import {docxLimits} from '../src/core/formats/docx.ts'
import {soplint, workspace} from './helpers.ts'

type Core = typeof source
let bundle: Core
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

beforeAll(async () => {
  bundle = (await import(pathToFileURL(path.resolve('dist/index.js')).href)) as Core
  await bundle.lint('Warm up.', {format: 'md'})
  await bundle.lint('\\documentclass{article}\\begin{document}Warm up.\\end{document}', {format: 'tex'})
}, 60_000)

describe('linear growth on the shapes that were quadratic', () => {
  const once = ['bold-spans', 'italic-spans', 'bold-one-line', 'links', 'inline-code', 'footnotes', 'inline-math', 'setext-headings', 'long-word', 'abbreviations', 'latex-textbf', 'latex-macros']
  for (const id of once) {
    it(id, async () => {
      const shape = shapes.find((s) => s.id === id)!
      const time = async (n: number) => {
        const text = shape.make(n)
        await bundle.lint(shape.make(50), {format: shape.format})
        const t = cpu()
        await bundle.lint(text, {format: shape.format})
        return cpu() - t
      }
      const small = await time(300)
      const large = await time(2400)
      // Linear is 8x, quadratic 64x; small runs carry fixed costs, so allow 24x (and 40 ms of noise).
      expect(large).toBeLessThan(24 * Math.max(small, 40))
    }, 120_000)
  }
})

describe('the bundle finds what the sources find', () => {
  const strip = (r: Awaited<ReturnType<Core['lint']>>) => r.messages.map((m) => `${m.ruleId} ${m.offset}-${m.endOffset} ${m.message}`)
  for (const shape of shapes) {
    it(shape.id, async () => {
      const text = shape.make(300)
      expect(strip(await bundle.lint(text, {format: shape.format}))).toEqual(strip(await source.lint(text, {format: shape.format})))
    }, 60_000)
  }
  it('a mix of every Markdown shape', async () => {
    for (const seed of [1, 2, 3]) {
      const text = mixed(1500, seed)
      expect(strip(await bundle.lint(text))).toEqual(strip(await source.lint(text)))
    }
  }, 60_000)
})

describe('nesting limits', () => {
  const deep: Array<[string, string, string]> = [
    ['quotes', 'deep.md', '> '.repeat(nestingLimits.quotes + 1) + 'I think so.\n'],
    ['lists', 'deep.md', Array.from({length: nestingLimits.listIndent / 2 + 2}, (_, i) => '  '.repeat(i) + '- item\n').join('')],
    ['emphasis', 'deep.md', '*'.repeat(5000) + 'word' + '*'.repeat(5000) + '\n'],
    ['brackets', 'deep.md', '['.repeat(5000) + 'x' + ']'.repeat(5000) + '\n'],
    ['braces', 'deep.tex', '\\documentclass{article}\\begin{document}' + '{'.repeat(5000) + 'x' + '}'.repeat(5000) + '\\end{document}\n']
  ]
  for (const [what, name, text] of deep) {
    it(`refuses ${what} nested past the limit with one line and exit 2`, () => {
      const r = soplint([name], {cwd: workspace({[name]: text})})
      expect(r.code).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(new RegExp(`^soplint: ${name.replace('.', '\\.')}: line \\d+: .*; soplint does not read documents nested this deep\\n$`))
    })
  }

  it('reads documents at the limits', async () => {
    const at = [
      ('> '.repeat(nestingLimits.quotes) + 'I think so.\n').repeat(20),
      Array.from({length: nestingLimits.listIndent / 2}, (_, i) => '  '.repeat(i) + '- item\n').join(''),
      ('*'.repeat(nestingLimits.emphasisRun) + 'word' + '*'.repeat(nestingLimits.emphasisRun) + ' and more.\n\n').repeat(20),
      '['.repeat(nestingLimits.brackets) + 'x' + ']'.repeat(nestingLimits.brackets) + '\n'
    ]
    for (const text of at) await expect(bundle.lint(text, {format: 'md'})).resolves.toBeDefined()
    await expect(bundle.lint('\\documentclass{article}\\begin{document}' + '\\textbf{'.repeat(256) + 'x' + '}'.repeat(256) + '\\end{document}\n', {format: 'tex'})).resolves.toBeDefined()
  }, 60_000)
})

describe('markup, LaTeX and Word limits', () => {
  const tex = (body: string) => `\\documentclass{article}\n\\begin{document}\n${body}\\end{document}\n`
  // The limit grows with the text: a base any document may hold, and more for each KB.
  const markupReason = (text: string, line: number, what: 'marks' | 'brackets' | 'blocks', words: string) => {
    const limit = markupLimitsFor(text.length)[what]
    const perKB = {marks: markupLimits.marksPerKB, brackets: markupLimits.bracketsPerKB, blocks: markupLimits.blocksPerKB}[what]
    return `line ${line}: more than ${limit.toLocaleString('en-US')} ${words} (${markupLimits[what].toLocaleString('en-US')}, and ${perKB} for each KB of text); soplint does not read documents with this much markup`
  }
  const marks = '**bold** word '.repeat(20_000)
  const links = '[a](b) word\n'.repeat(6000)
  const items = '- an item\n'.repeat(6000)
  const setext = 'Title\n---\n\n'.repeat(6000)
  const blankLines = '\n'.repeat(200_000) + 'word\n'
  const tinyParagraphs = 'a\n\n'.repeat(40_000)
  const over: Array<[string, string, string, string]> = [
    ['inline marks', 'marks.md', marks, markupReason(marks, 1, 'marks', 'marks of emphasis, code, HTML, math and tables')],
    ['links', 'links.md', links, markupReason(links, markupLimitsFor(links.length).brackets + 1, 'brackets', 'links and footnotes')],
    ['list items', 'list.md', items, markupReason(items, markupLimitsFor(items.length).blocks + 1, 'blocks', 'headings, list items and footnotes')],
    // The underline of heading k is on line 3k - 1.
    ['setext headings', 'setext.md', setext, markupReason(setext, 3 * (markupLimitsFor(setext.length).blocks + 1) - 1, 'blocks', 'headings, list items and footnotes')],
    ['blank lines', 'blank.md', blankLines, `line ${markupLimitsFor(blankLines.length).lines + 1}: more than ${markupLimitsFor(blankLines.length).lines.toLocaleString('en-US')} lines (50,000, and 40 for each KB of text); soplint does not read documents with this many lines`],
    // Paragraph k starts on line 2k - 1; plain text is held to the same limit.
    ['paragraphs', 'paragraphs.txt', tinyParagraphs, `line ${2 * (markupLimitsFor(tinyParagraphs.length).paragraphs + 1) - 1}: more than ${markupLimitsFor(tinyParagraphs.length).paragraphs.toLocaleString('en-US')} paragraphs (20,000, and 10 for each KB of text); soplint does not read documents with this many paragraphs`],
    ['LaTeX', 'long.tex', tex('A word. '.repeat(latexLimit / 8 + 1)), 'is 129 KB of LaTeX, over the 128 KB soplint reads in LaTeX (its parser is slow); lint the text as Markdown or plain text, or split it']
  ]
  for (const [what, name, text, reason] of over) {
    it(`refuses a document with too many ${what} with one line and exit 2`, () => {
      const r = soplint([name], {cwd: workspace({[name]: text})})
      expect(r.code).toBe(2)
      expect(r.stderr).toBe(`soplint: ${name}: ${reason}\n`)
    })
  }

  it('reads documents at the markup limits', async () => {
    const at = [
      '**bold** word '.repeat(markupLimits.marks / 2),
      '[a](b) word\n'.repeat(markupLimits.brackets),
      '- an item\n'.repeat(markupLimits.blocks),
      '`code` and $x$ and <b>html</b> word '.repeat(markupLimits.marks / 8),
      'a\n\n'.repeat(markupLimits.paragraphs),
      '\n'.repeat(markupLimits.lines - 2) + 'word\n'
    ]
    for (const text of at) await expect(bundle.lint(text, {format: 'md'})).resolves.toBeDefined()
    // Linting LaTeX at the limit takes seconds: the check before the parse is what is tested here.
    expect(() => checkNesting(tex('A word. '.repeat(latexLimit / 8 - 20)), 'tex')).not.toThrow()
    // Nor is a long statement marked up as densely as the example (a third of its words in bold,
    // a link, a placeholder): the limits grow with the text. Just under 5 MB of it.
    const example = readFileSync('examples/statement.md', 'utf8').replace(/^---[\s\S]*?---\n/, '')
    const long = (example + '\n\n').repeat(Math.floor(4.9e6 / (example.length + 2)))
    expect(markupLimitsFor(long.length).marks).toBeGreaterThan(90_000)
    expect(() => checkNesting(long, 'md')).not.toThrow()
  }, 120_000)

  it('refuses a Word document with too many runs with one line and exit 2, and reads one under the limit', async () => {
    // About two runs per unit.
    const r = soplint(['runs.docx'], {cwd: workspace({'runs.docx': Buffer.from(await docxRuns(docxLimits.runs / 2 + 100))})})
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('soplint: runs.docx: holds more than 10,000 runs of text; soplint does not read Word documents this large (save it as Markdown or plain text to lint it)\n')
    const word = await bundle.readDocx(await docxRuns(1000))
    await expect(bundle.lint(word.text, {format: 'docx', mdast: word.mdast})).resolves.toBeDefined()
  }, 120_000)
})

describe('words a JavaScript object answers to from its prototype', () => {
  // "Constructor" opening sentences, or "one of the best constructor.", crashed two rules that
  // looked words up in plain objects.
  it('lint like any other word', async () => {
    const names = [...Object.getOwnPropertyNames(Object.prototype), 'prototype']
    const frames = ['X is a word I use.', 'One of the best X.', 'I have X it since 2019.', 'An X and a X.', 'X. X. X. X.', 'I passed X out of college.', "X's X was X in 2019."]
    for (const name of names) {
      const text = frames.map((f) => f.replaceAll('X', name) + ' ' + f.replaceAll('X', name[0].toUpperCase() + name.slice(1))).join('\n\n')
      await expect(bundle.lint(text, {format: 'md'})).resolves.toBeDefined()
      await expect(source.lint(text, {format: 'md'})).resolves.toBeDefined()
    }
  }, 60_000)
})
