import data from './data/stock-phrase.yml'
import {replacements, type PhraseEntry, type PhraseMatch} from '../src/core/phrases.ts'
import {defineRule} from '../src/core/rule.ts'
import type {Block, Doc, Sentence} from '../src/core/types.ts'
import {expandEntries} from './inflect.ts'
import {quote} from './util.ts'

/** Cliches and filler typical of statements, weighed by where they stand. */
export default defineRule({
  meta: {
    id: 'stock-phrase',
    phrases: expandEntries(data as PhraseEntry[]),
    description: 'Cliches and filler typical of statements ("From a young age", "fast learner", "change the world")',
    rationale:
      'Readers of statements see the same openings, self-descriptions and closing claims in most of the pile, and a stock phrase tells them nothing about you. University career centres tell applicants not to write a cliched introduction or conclusion (University of Virginia Career Center, graduate school statement guidance) and to use concrete examples from their own experience instead. An opening cliche in the first sentence or a closing cliche in the last paragraph costs most, because that is where readers form their view. Phrase list: rules/data/stock-phrase.yml.',
    defaultLevel: 'warn',
    fix: 'suggest',
    type: 'suggestion',
    example: {
      before: 'From a young age, I have been passionate about computers. I am a fast learner and a team player.',
      after: 'In my second year I rewrote our robotics club\'s path planner; it cut our lap time by a third.'
    }
  },
  check({doc, settings, report, phrases}) {
    const opening = openingBlock(doc)
    const firstSentence = opening?.sentences[0]
    const closing = closingBlock(doc)
    let lastEnd = -1
    for (const match of phrases) {
      if (match.start < lastEnd) continue
      const cls = match.entry.class
      // A letter's closing line is expected in a cover letter.
      if (cls === 'letter' && settings.kind === 'cover-letter') continue
      lastEnd = match.end
      const actual = doc.text.slice(match.start, match.end)
      const expected = replacements(match.entry, actual)
      report({
        start: match.start,
        end: match.end,
        message: message(match, actual, expected, where(match, cls, firstSentence, opening, closing), settings.kind !== 'cover-letter'),
        expected,
        note: match.entry.note
      })
    }
  }
})

function where(match: PhraseMatch, cls: string | undefined, first: Sentence | undefined, opening: Block | undefined, closing: Block | undefined): string {
  const sentence = match.tokens[0].sentence
  if (cls === 'opener') {
    if (sentence === first) return 'and here it opens the statement'
    if (sentence.block === opening) return 'and here it stands in the opening paragraph'
  }
  if ((cls === 'closer' || cls === 'letter') && sentence.block === closing) return 'and here it ends the statement'
  return ''
}

function message(match: PhraseMatch, actual: string, expected: string[], position: string, notALetter: boolean): string {
  const entry = match.entry
  let head = `${quote(actual)} ${entry.reason}`
  if (notALetter && /\bcover letter\b/i.test(actual)) head += ' and calls this statement a cover letter'
  if (position) head += `, ${position}`
  if (expected.length === 1 && expected[0] === '') return `${head}; delete it`
  if (expected.length > 0) return `${head}; write ${expected.map((e) => quote(e)).join(' or ')}`
  return entry.direction ? `${head}; ${entry.direction}` : head
}

// The first paragraph of running prose: titles ("Statement of Purpose") and salutations
// ("Dear Committee,") are skipped, since a reader does not take them as the opening.
function openingBlock(doc: Doc): Block | undefined {
  return doc.blocks.find((block) => block.kind === 'paragraph' && isProse(block) && !isSalutation(block))
}

// The last paragraph of running prose: sign-offs and a name under them are skipped.
function closingBlock(doc: Doc): Block | undefined {
  for (let i = doc.blocks.length - 1; i >= 0; i--) {
    const block = doc.blocks[i]
    if (block.kind === 'paragraph' && isProse(block)) return block
  }
  return undefined
}

function isProse(block: Block): boolean {
  const words = block.sentences.reduce((n, s) => n + s.words.length, 0)
  return words >= 12 || block.sentences.some((s) => s.terminal !== null && s.words.length >= 4)
}

function isSalutation(block: Block): boolean {
  const first = block.tokens.find((t) => t.kind === 'word')
  return first !== undefined && ['dear', 'respected', 'hello'].includes(first.norm) && block.tokens.length < 12
}
