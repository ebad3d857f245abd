// Only the last sentence of a paragraph is judged: inside a paragraph the sentence splitter cannot
// tell a missing full stop from a long sentence. Lines that are not sentences (titles, salutations,
// sign-offs, names, addresses, lead-ins to a list or a display) end without one by convention.
import type {Nodes as MdastNodes, Parent as MdastParent} from 'mdast'
import {defineRule} from '../src/core/rule.ts'
import type {Block, Doc, Token} from '../src/core/types.ts'
import {quote} from './util.ts'

const small = new Set(['of', 'the', 'and', 'for', 'in', 'at', 'to', 'a', 'an', 'on', 'with', 'by', 'from', 'or', 'de', 'la', 'von', 'van', 'der', 'du'])
// Salutations and complimentary closes, which take a comma or nothing.
const salutation = /^(?:dear|to whom|respected|hello|hi|greetings|good (?:morning|afternoon|evening))\b/i
const signOff = /^(?:(?:yours|sincerely|faithfully|truly|regards|best|warm(?:est)?|kind(?:est)?|thank(?:s|ing)?|many thanks|respectfully|respectful|cordially|cheers|with|gratefully|love|all the best|looking forward)\b|thank you)/i
// Words no sentence ends on: the paragraph was cut off, and a full stop would not mend it.
const dangling = new Set(['and', 'or', 'but', 'nor', 'whereas', 'unless', 'whether', 'thus', 'hence', 'which', 'that', 'who', 'whom', 'whose', 'where', 'when', 'while', 'because', 'although', 'if', 'the', 'a', 'an', 'of', 'to', 'with', 'using', 'for', 'in', 'on', 'at', 'by', 'from', 'into', 'as', 'than', 'such', 'my', 'our', 'their', 'its', 'his', 'her', 'your', 'is', 'are', 'was', 'were', 'be', 'including', 'like', 'both', 'either', 'neither', 'about', 'through', 'between', 'towards', 'toward'])
// A display formula or environment next in the text, after white space (read where the block ends).
const displayAfter = /\s*(?:\$\$|\\\[|\\begin\{)/y
const closer = /^["'\u201D\u2019)\]*_]+$/

/** A paragraph whose last sentence has no terminal punctuation. */
export default defineRule({
  meta: {
    id: 'unpunctuated-end',
    description: 'A paragraph whose last sentence has no terminal punctuation',
    rationale:
      'A paragraph that stops without a full stop looks unfinished: the reader wonders whether a sentence was cut, and a committee reads it as a statement that was not proofread. One that stops on a comma, a semicolon or a conjunction ("and", "whereas"), or on a colon with nothing after it in its section, was cut off mid-sentence. Titles, salutations, sign-offs and name lines are not sentences and are left alone.',
    defaultLevel: 'warn',
    fix: 'suggest',
    type: 'problem',
    example: {
      before: 'I believe this lab is the best place for me to grow as a researcher',
      after: 'I believe this lab is the best place for me to grow as a researcher.'
    }
  },
  check({doc, report}) {
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph')
    // The letterhead: short lines before the first paragraph of prose (title, name, address, date,
    // "For the position of ..."), however a front end laid them out.
    const firstProse = paragraphs.find((b) => !b.inList && b.sentences.some((s) => s.terminal) && b.tokens.filter((t) => t.kind === 'word').length >= 8)
    const notes = footnoteRanges(doc)
    for (const block of paragraphs) {
      if (block.inList || block.inQuote) continue
      if ((!firstProse || block.index < firstProse.index) && block.tokens.filter((t) => t.kind === 'word').length <= 15) continue
      // Footnotes are often glosses without a full stop.
      if (inFootnote(notes, block)) continue
      const sentence = block.sentences[block.sentences.length - 1]
      if (!sentence || sentence.terminal) continue
      const last = sentence.tokens[sentence.tokens.length - 1]
      if (!last || last.kind === 'code') continue
      // A quoted "fragment," ends in a comma inside the closing marks: a quotation, not a cut.
      const inner = [...sentence.tokens].reverse().find((t) => !closer.test(t.text))
      if (!inner) continue
      // A comma, semicolon or colon at the very end: the sentence was cut off (sign-offs such as
      // "Yours sincerely," and salutations are not prose, see isProse).
      const mark = inner.kind === 'punct' && inner === sentence.tokens[sentence.tokens.length - 1] && /^[,;:]$/.test(inner.text) ? inner : undefined
      if (!mark && inner.kind !== 'word' && !/^[%\u00B0\u2030]$/.test(inner.text)) continue
      // Raw LaTeX in Markdown (pandoc allows it): "\\medskip" is a command, not a word.
      if (doc.text[inner.start - 1] === '\\') continue
      if (!isProse(doc, block) || isClosingLine(doc, block)) continue
      const words = sentence.words
      if (words.length === 0) continue
      const next = doc.blocks[block.index + 1]
      const tail = doc.text.slice(words[Math.max(0, words.length - 3)].start, words[words.length - 1].end)
      const continues = next && next.kind === 'paragraph' && !next.inList && next.inQuote === block.inQuote && next.tokens.filter((t) => t.kind === 'word').length >= 4
      if (continues && /^\p{Ll}+$/u.test(next.tokens[0]?.text ?? '') && brokenBetween(doc, block, next)) {
        report({
          start: last.start,
          end: last.end,
          message: `The sentence breaks off at ${quote(tail)} and goes on in the next paragraph; remove the blank line between them`
        })
        continue
      }
      if (mark) {
        // A colon introduces what follows ("Two thoughts:" and a paragraph each); it is cut off
        // only where nothing follows in its section: the end of the document or a heading.
        if (mark.text === ':' && next && next.kind !== 'heading') continue
        const name = mark.text === ',' ? 'a comma' : mark.text === ';' ? 'a semicolon' : 'a colon'
        const tail = doc.text.slice(words[Math.max(0, words.length - 3)].start, mark.end)
        report({start: mark.start, end: mark.end, message: `The paragraph ends on ${name} at ${quote(tail)}; finish the sentence`})
        continue
      }
      if (dangling.has(inner.norm)) {
        report({start: last.start, end: last.end, message: `The paragraph breaks off at ${quote(tail)}; finish the sentence`})
        continue
      }
      report({
        start: last.start,
        end: last.end,
        message: `The paragraph ends at ${quote(tail)} without a full stop; add one`,
        expected: [last.text + '.']
      })
    }
  }
})

// Is the block a paragraph of prose that should end in a full stop?
function isProse(doc: Doc, block: Block): boolean {
  const words = block.tokens.filter((t) => t.kind === 'word')
  if (words.length < 3) return false
  const source = doc.text.slice(block.start, block.end)
  if (source.replace(/\\[A-Za-z]+\*?(?:\[[^\]]*\])?(?:\{[^{}]*\})*/g, ' ').trim().split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < 3) return false
  const first = source.replace(/^[\s*_>#]+/, '')
  if (salutation.test(first) && words.length <= 10) return false
  if (signOff.test(first) && words.length <= 8) return false
  if (isTitle(words)) return false
  // Contact lines and addresses: an e-mail, a phone number, `|` separators, or several short lines.
  if (/@|\|/.test(source) && words.length <= 15) return false
  const lines = source.split(/\r?\n/).filter((l) => l.trim())
  // Plain text has no list or heading nodes: bullet lines, `#` lines and a closing label in capitals
  // ("WRITTEN BY") are not sentences.
  if (lines.some((l) => /^\s*(?:[*\-\u2022+]|\d+[.)])\s/.test(l)) || /^\s*#/.test(lines[0])) return false
  const lastLine = lines[lines.length - 1]
  if (!/\p{Ll}/u.test(lastLine) && lastLine.trim().split(/\s+/).length <= 4) return false
  // A paragraph that is one quotation.
  if (/^["\u201C]/.test(source.trim()) && /["\u201D]$/.test(source.trim())) return false
  if (lines.length >= 2 && lines.every((l) => l.trim().split(/\s+/).length <= 8 && /^[\s*_>]*[\p{Lu}\d+(]/u.test(l) && !/[.!?]["'\u201D\u2019)*_]*\s*$/.test(l.trim()))) return false
  // A reference-list entry: "[2] A. Author, Title (Venue)".
  if (/^\s*\[\d+\]/.test(source)) return false
  // An epigraph's attribution: "... — Richard Feynman".
  if (/[\u2014\u2013-]\s*[\p{Lu}][\p{L}.' ]{1,40}$/u.test(source.trim())) return false
  // A run-in heading or a pseudo-heading set wholly in bold or italics.
  if (isWholeEmphasis(block.node) && words.length <= 12) return false
  // A lead-in to a list, a table, a code block or a display formula.
  const after = nextSibling(doc, block)
  if (after && ['list', 'table', 'code', 'math', 'html'].includes(after.type)) return false
  displayAfter.lastIndex = block.end
  if (displayAfter.test(doc.text)) return false
  // Ends in a URL (plain text has no link nodes).
  if (/(?:https?:\/\/|www\.)\S+\s*$/i.test(source)) return false
  return true
}

// A sign-off, a name or an affiliation on the last line of a paragraph: "...hear from you.\nBest,\n
// Jane Doe", or a title block ending "Jane Doe, PhD Student, UC Berkeley".
function isClosingLine(doc: Doc, block: Block): boolean {
  const source = doc.text.slice(block.start, block.end)
  const breaks = [...source.matchAll(/\r?\n|\\\\/g)]
  if (breaks.length === 0) return false
  const from = block.start + breaks[breaks.length - 1].index! + breaks[breaks.length - 1][0].length
  const words = block.tokens.filter((t) => t.kind === 'word' && t.start >= from)
  if (words.length === 0 || words.length > 8) return false
  const line = doc.text.slice(words[0].start, words[words.length - 1].end)
  return signOff.test(line) || isTitle(words)
}

// A title, a heading written as a paragraph, a name or a date line: short, and every word that is
// not a small one is capitalised or a number.
function isTitle(words: Token[]): boolean {
  if (words.length > 12) return false
  return words.every((w, i) => /^[\p{Lu}\d]/u.test(w.text) || (i > 0 && small.has(w.norm)))
}

function isWholeEmphasis(node: MdastNodes): boolean {
  if (!('children' in node)) return false
  const children = (node as MdastParent).children.filter((c) => !(c.type === 'text' && !/\S/.test(c.value)))
  return children.length > 0 && children.every((c) => c.type === 'strong' || c.type === 'emphasis')
}

// Whether a block lies inside one of the footnote definitions (ranges in the order of the text,
// which do not overlap): a binary search, as a document may hold thousands of each.
function inFootnote(notes: Array<[number, number]>, block: Block): boolean {
  let lo = 0
  let hi = notes.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (notes[mid][1] < block.end) lo = mid + 1
    else hi = mid
  }
  return lo < notes.length && block.start >= notes[lo][0] && block.end <= notes[lo][1]
}

function footnoteRanges(doc: Doc): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const node of doc.mdast.children) {
    if (node.type === 'footnoteDefinition' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) out.push([node.position.start.offset, node.position.end.offset])
  }
  return out
}

// The node after each node among its siblings, for the whole tree: made once for a document, as
// searching the tree from its root for every paragraph took time growing with its square.
const siblings = new WeakMap<Doc, Map<MdastNodes, MdastNodes | undefined>>()
function nextSibling(doc: Doc, block: Block): MdastNodes | undefined {
  let map = siblings.get(doc)
  if (!map) {
    const built = new Map<MdastNodes, MdastNodes | undefined>()
    const stack: MdastParent[] = [doc.mdast as MdastParent]
    while (stack.length > 0) {
      const children = stack.pop()!.children as MdastNodes[]
      for (let i = 0; i < children.length; i++) {
        built.set(children[i], children[i + 1])
        if ('children' in children[i]) stack.push(children[i] as MdastParent)
      }
    }
    siblings.set(doc, built)
    map = built
  }
  return map.get(block.node)
}

// Two blocks split one sentence when nothing but blank lines stands between them.
function brokenBetween(doc: Doc, a: Block, b: Block): boolean {
  return /^\s*$/.test(doc.text.slice(a.end, b.start))
}
