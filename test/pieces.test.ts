// Long inputs are read in pieces: a long text's plain paragraphs are built without micromark
// (parseMarkdown), and a long block's prose is parsed by parse-english in pieces joined back
// together (parseProse). Either must give exactly the tree of the whole parse, positions and all;
// these tests force the pieces on small texts and compare. And a wrapped retext plugin may walk
// only the stretches of a sentence it reads (meta.retext.narrow): it must find what it finds on
// whole sentences.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {mixed, shapes} from '../bench/shapes.js'
// @ts-expect-error: bench/corpus.js has no types; document(words) gives an ordinary statement.
import {document} from '../bench/corpus.js'
import {parseDocument, parseMarkdown, parseProse, proseBatches} from '../src/core/processor.ts'
import {retextPass, type RetextPlugin} from '../src/core/retext.ts'
import indefiniteArticle from '../rules/indefinite-article.ts'

const shared = path.resolve('../shared/corpus')
const files = (dir: string, ext: RegExp) => (readdirSync(dir, {recursive: true}) as string[]).filter((f) => ext.test(f)).map((f) => readFileSync(path.join(dir, f), 'utf8'))
const statements = [...files('fixtures', /\.md$/), ...(readdirSync('..').includes('shared') ? files(shared, /\.(md|txt)$/) : [])]

const long = 'This plain paragraph runs on long enough that it is built without micromark at all,'
const strong = fc.constantFrom('', ' **bold words** here', ' **bold**.', ' **A** b', ' a **b**: c', ' **1990**, then', ' x**y**', ' **not **', ' ** not**', ' ***triple***', ' *one* and **two**', ' **a\nb**', ' **b**)', ' **b**!', ' **b**c', ' __under__', ' **caf\u00e9**')
const plainParagraph = fc
  .tuple(fc.integer({min: 1, max: 4}), fc.array(strong, {minLength: 4, maxLength: 4}), fc.boolean())
  .map(([n, marks, lead]) => Array.from({length: n}, (_, i) => `${lead && i === 0 ? '**Lead** ' : ''}${long}${marks[i]} line ${i + 1} of ${n}.`).join('\n'))
// Blocks that end, start or reach across what a plain paragraph ends.
const markupBlock = fc.constantFrom(
  '- item',
  '- item\n\n  continued after a blank line',
  '1. one\n2. two',
  '* star',
  '> quote\nlazy line',
  '> quote\n>\n> more',
  '# Heading',
  '## Research experience',
  '###### Six deep',
  '####### Seven deep',
  '#No space',
  '## Closing hashes ##',
  '## With *stars*',
  '  ## Indented heading',
  '## Heading\nand a line',
  'Setext\n===',
  'Setext\n---',
  '    indented code',
  '  two spaces in',
  '\tA tab first',
  '<div>\n<p>html</p>\n</div>',
  '<span>inline</span> html',
  '| a | b |\n| - | - |\n| c | d |',
  'a b\n:-:',
  'Hard  \nbreak',
  'Ends in a space ',
  'Some *emphasis*, `code`, ~~strike~~ and [a link](https://example.org).',
  'www.example.com and mail@example.org',
  'A [^1] call with no note',
  '***',
  '2019 was the year.',
  '"Quoted" start',
  'Caf\u00e9, na\u00efve, \u{1d400}',
  'A lone \ud800 surrogate',
  'Letters only here'
)
const separator = fc.constantFrom('\n\n', '\n\n\n', '\n  \n', '\n\t\n')
const markdown = fc
  .record({
    front: fc.constantFrom('', '---\ntitle: x\n---\n\n', '---\n\nno closing fence\n\n'),
    blocks: fc.array(fc.oneof(plainParagraph, markupBlock), {minLength: 1, maxLength: 12}),
    separators: fc.array(separator, {minLength: 12, maxLength: 12}),
    crlf: fc.boolean(),
    end: fc.constantFrom('', '\n', '\n\n')
  })
  .map(({front, blocks, separators, crlf, end}) => {
    const text = front + blocks.map((b, i) => (i === 0 ? b : separators[i] + b)).join('') + end
    return crlf ? text.replace(/\n/g, '\r\n') : text
  })

describe('parseMarkdown: plain paragraphs built without micromark, the rest read in pieces', () => {
  // Plain paragraphs built here, and micromark's part read in pieces as small as they can be
  // (each cut before a line that starts with a letter after a blank line), or whole.
  const same = (text: string): void => {
    const whole = parseMarkdown(text, Infinity)
    expect(parseMarkdown(text, 0)).toEqual(whole)
    expect(parseMarkdown(text, 0, 1)).toEqual(whole)
  }

  it('gives the whole parse on the statements and fixtures', () => {
    for (const text of statements) same(text)
  })

  it('gives the whole parse on the shapes, their mix and a synthetic statement', () => {
    for (const shape of shapes) if (shape.format === 'md') same(shape.make(200))
    for (const seed of [1, 2, 3, 4, 5]) same(mixed(600, seed))
    same(document(5000))
  })

  it('gives the whole parse on generated documents', () => {
    fc.assert(fc.property(markdown, same), {numRuns: 400})
  })
})

describe('parseProse: long blocks parsed in pieces', () => {
  const words = ['a', 'The', "don't", 'e.g.', 'etc.', 'Mr.', 'U.S.', '.', ',', ';', '!', '?', '...', '"', '(', ')', '-', '—', '/', '&', '@', '42', '2.5', 'And', 'i.e.', 'vs.', '\u2026', '\u2019', 'na\u00efve', 'code', 'Code', '\u{1F600}', ' ', '\t']
  const prose = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', ' ', ' ', '', '  ')), {minLength: 20, maxLength: 300}).map((parts) => parts.map(([w, s]) => w + s).join(''))

  it('gives the whole parse, cut every few characters', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom(8, 16, 40), (text, piece) => {
        expect(parseProse(text, piece)).toEqual(parseProse(text, Infinity))
      }),
      {numRuns: 500}
    )
  })

  it('hands over the same sentences in batches as each is complete', () => {
    const sentencesOf = (tree: ReturnType<typeof parseProse>) => tree.children.flatMap((p) => (p.type === 'ParagraphNode' ? p.children.filter((s) => s.type === 'SentenceNode') : []))
    fc.assert(
      fc.property(prose, fc.constantFrom(8, 16, 40), (text, piece) => {
        const batches: unknown[] = []
        proseBatches(text, (tree) => batches.push(...sentencesOf(tree)), piece)
        expect(batches).toEqual(sentencesOf(parseProse(text, Infinity)))
      }),
      {numRuns: 500}
    )
  })

  it('gives the whole parse on the statements and the shapes', () => {
    for (const text of [...statements, ...shapes.map((s) => s.make(300))]) {
      const block = text.replace(/[\r\n]+/g, ' ')
      expect(parseProse(block, 64)).toEqual(parseProse(block, Infinity))
    }
  })
})

describe('retext plugins walking only the stretches they read', () => {
  const findings = (text: string, plugin: RetextPlugin) => {
    const pass = retextPass(new Map([['rule', plugin]]))
    parseDocument(text, 'md', undefined, pass.onTree)
    return pass.findings.get('rule')!.map(({message, start, end}) => ({reason: message.reason, expected: message.expected, start, end}))
  }
  const plugin = indefiniteArticle.meta.retext!
  const whole = {...plugin, narrow: undefined}
  const articles = ['a', 'an', 'A', 'An', 'AN']
  const nexts = ['apple', 'hour', 'unique', 'MSc', 'FBI', 'user', '"apple"', '(hour)', 'and', 'or', '8', '11', 'X-ray', 'a', 'an', '`code`', '$x$', '', '.']

  it('indefinite-article finds the same on the fixtures, statements and shapes', () => {
    for (const text of [...statements, ...shapes.filter((s) => s.format === 'md').map((s) => s.make(300))]) expect(findings(text, plugin)).toEqual(findings(text, whole))
  })

  it('indefinite-article finds the same on generated sentences', () => {
    const sentence = fc.array(fc.tuple(fc.constantFrom(...articles, 'I', 'saw', 'it', 'then'), fc.constantFrom(...nexts, 'word')), {minLength: 1, maxLength: 12}).map((pairs) => pairs.map(([a, b]) => `${a} ${b}`).join(' ') + '.')
    fc.assert(
      fc.property(fc.array(sentence, {minLength: 1, maxLength: 4}), (sentences) => {
        const text = sentences.join(' ')
        expect(findings(text, plugin)).toEqual(findings(text, whole))
      }),
      {numRuns: 300}
    )
  })
})
