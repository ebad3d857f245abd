// Spacing and punctuation slips a reader sees at once: two spaces between words, no space after a
// comma or full stop ("results.We", "MIT(USA)"), doubled marks (",,", ". ."), a space before a
// comma. Judged on the prose tokens and the source between them, so LaTeX macros, code, URLs,
// numbers ("1,000", "3.5"), abbreviations ("e.g.") and names like "Node.js" are never touched.
import {defineRule} from '../src/core/rule.ts'
import type {Sentence, Token} from '../src/core/types.ts'
import {quote} from './util.ts'

const letters = /^\p{L}+$/u
// Two marks where one belongs; runs of three or more are an ellipsis, spaced or not.
const doubled = new Map([[',,', ','], ['..', '.'], [';;', ';'], ['::', ':'], [',.', '.'], ['.,', ','], [',;', ';'], [';,', ';']])
// "results.We": a word, a full stop and a capitalised word with no space between.
const joined = /^(\p{L}*\p{Ll}\p{Ll})([.,;])(\p{Lu}\p{Ll}+|I)$/u

// Verbs (and "struck me") that take a `that` clause with no comma before it.
const reporting = new Set(['me', 'realised', 'realized', 'realise', 'realize', 'noticed', 'notice', 'found', 'find', 'learned', 'learnt', 'learn', 'believe', 'believed', 'think', 'thought', 'know', 'knew', 'felt', 'feel', 'saw', 'see', 'understood', 'understand', 'discovered', 'discover', 'decided', 'hope', 'hoped', 'said', 'says', 'showed', 'shows', 'show'])
const tellers = new Set(['struck', 'told', 'showed', 'taught', 'convinced', 'reminded', 'assured'])

/** Spacing and punctuation slips: two spaces, "results.We", ",,", a space before a comma. */
export default defineRule({
  meta: {
    id: 'typography',
    description: 'Spacing and punctuation slips ("results.We", "MIT(USA)", ",,", a space before a comma, two spaces between words)',
    rationale:
      'A missing space after a full stop, a doubled comma or two spaces between words is small, but it is the kind of slip a committee reads as a statement nobody proofread. Two spaces after a full stop are a deliberate style and are left alone; LaTeX source, where spacing does not reach the page, is checked only for marks.',
    defaultLevel: 'warn',
    fix: 'auto',
    type: 'layout',
    example: {
      before: 'I built the tracker at MIT(USA) in six weeks.We then tested it on two robots ,, and both passed.',
      after: 'I built the tracker at MIT (USA) in six weeks. We then tested it on two robots, and both passed.'
    }
  },
  check({doc, report}) {
    const text = doc.text
    const spacing = doc.format !== 'tex'
    for (const sentence of doc.sentences) check(text, sentence, spacing, report)
  }
})

type Report = (finding: {start: number; end: number; message: string; expected: string[]}) => void

function check(text: string, sentence: Sentence, spacing: boolean, report: Report): void {
  const tokens = sentence.tokens
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    const prev: Token | undefined = tokens[i - 1]
    const next: Token | undefined = tokens[i + 1]
    if (t.kind === 'word') {
      const m = /[.,;]/.test(t.text) ? joined.exec(t.text) : null
      if (m && !/[/@_\d]/.test(t.text)) {
        report({start: t.start, end: t.end, message: `${quote(t.text)} has no space after ${quote(m[2])}; write ${quote(`${m[1]}${m[2]} ${m[3]}`)}`, expected: [`${m[1]}${m[2]} ${m[3]}`]})
        continue
      }
      // Two spaces between words inside a sentence (not after a full stop: that is a style).
      if (spacing && next && next.start - t.end >= 2 && next.kind !== 'code' && !/[.!?:]$/.test(t.text)) {
        const gap = text.slice(t.end, next.start)
        if (/^ {2,}$/.test(gap)) {
          report({start: t.start, end: next.end, message: `${gap.length === 2 ? 'Two' : gap.length} spaces stand between ${quote(t.text)} and ${quote(next.text)}; write one`, expected: [`${t.text} ${next.text}`]})
        }
      }
      continue
    }
    if (t.kind !== 'punct') continue
    const gapBefore = prev && prev.end < t.start ? text.slice(prev.end, t.start) : ''
    const gapAfter = next && t.end < next.start ? text.slice(t.end, next.start) : ''
    // ",," ".." (but not "..." or a spaced ". . .").
    const single = doubled.get(t.text)
    if (single !== undefined) {
      // "models ,," : the space before goes too.
      if (prev && prev.kind !== 'code' && /^ +$/.test(gapBefore)) {
        report({start: prev.end, end: t.end, message: `${quote(t.text)} doubles a mark and has a space before it; write ${quote(single)} right after ${quote(prev.text)}`, expected: [single]})
        continue
      }
      report({start: t.start, end: t.end, message: `${quote(t.text)} doubles a mark; write ${quote(single)}`, expected: [single]})
      continue
    }
    if ((t.text === '.' || t.text === ',') && next?.text === t.text && /^ +$/.test(gapAfter) && tokens[i + 2]?.text !== t.text && prev?.text !== t.text && prev?.kind === 'word') {
      report({start: t.start, end: next.end, message: `${quote(`${t.text}${gapAfter}${next.text}`)} doubles a mark; write ${quote(t.text)}`, expected: [t.text]})
      i++
      continue
    }
    // "models , and": a space before a comma or semicolon.
    if ((t.text === ',' || t.text === ';') && prev?.kind === 'word' && /^ +$/.test(gapBefore) && /\p{L}/u.test(prev.text) && next?.kind === 'word') {
      report({start: prev.start, end: t.end, message: `${quote(`${prev.text}${gapBefore}${t.text}`)} has a space before the ${t.text === ',' ? 'comma' : 'semicolon'}; write ${quote(prev.text + t.text)}`, expected: [prev.text + t.text]})
      continue
    }
    // "it struck me, that I", "I realised, that": no comma between a verb of knowing and its clause.
    if (t.text === ',' && prev?.kind === 'word' && reporting.has(prev.norm) && (prev.norm !== 'me' || tellers.has(tokens[i - 2]?.norm ?? '')) && next?.norm === 'that' && tokens[i + 2]?.kind === 'word' && tokens[i + 2].norm !== 'is') {
      report({start: prev.start, end: next.end, message: `${quote(`${prev.text}, that`)} has a comma before its \`that\` clause; write ${quote(`${prev.text} that`)}`, expected: [`${prev.text} that`]})
      continue
    }
    // "verification,I": no space after a comma between two words (not "1,000").
    if (t.text === ',' && prev?.kind === 'word' && next?.kind === 'word' && gapBefore === '' && gapAfter === '' && letters.test(prev.text) && prev.text.length >= 2 && /^\p{L}/u.test(next.text)) {
      report({start: prev.start, end: next.end, message: `${quote(`${prev.text},${next.text}`)} has no space after the comma; write ${quote(`${prev.text}, ${next.text}`)}`, expected: [`${prev.text}, ${next.text}`]})
      continue
    }
    // "MIT(USA)": an opening bracket glued to the word before it (not "f(x)", "student(s)").
    if (t.text === '(' && prev?.kind === 'word' && next?.kind === 'word' && gapBefore === '' && gapAfter === '' && letters.test(prev.text) && prev.text.length >= 2 && letters.test(next.text) && next.text.length >= 2 && !/^(?:s|es|ies|ing|ed|al|ly)$/i.test(next.text)) {
      // Only a bracket that closes: "MIT(USA)", not a stray "(" in a formula.
      const close = tokens.slice(i + 1).find((x) => x.text === ')')
      if (!close) continue
      report({start: prev.start, end: t.end, message: `${quote(`${prev.text}(`)} has no space before the bracket; write ${quote(`${prev.text} (`)}`, expected: [`${prev.text} (`]})
    }
  }
}
