// Notes a writer leaves for themselves while drafting, and drafting left unfinished. A note is
// modelled by what it does, not by its wording: it tells the writer to edit ("reword", "add",
// "confirm") and usually names a piece of the draft ("this para", "the dates", "an example") or
// puts the work off ("later", "again"). Inside square brackets a question is a note too.
// Citations ([1], [@key], \cite), footnote marks, editorial brackets in quotations and links are
// not notes: they do not start with an editing verb.
import type {Nodes as MdastNodes} from 'mdast'
import data from './data/draft-note.yml'
import {defineRule} from '../src/core/rule.ts'
import type {Block, Doc, Sentence, Token} from '../src/core/types.ts'
import {quote, SKIP, walkTree} from './util.ts'

const verbs = new Set<string>(data.verbs)
const strong = new Set<string>(data.strong)
const nouns = new Set<string>(data.nouns)
const pronouns = new Set(['this', 'that', 'it', 'here'])
const times = new Set<string>(data.times)
const fillers = new Set<string>(data.fillers)
// Words after which a list or a clause cannot stop: "tools such as .", "including ,".
const openers = new Set(['including', 'and', 'or', 'the', 'an'])
const signOff = /^(?:(?:yours\s+(?:sincerely|faithfully|truly|respectfully)|sincerely(?:\s+yours)?|(?:best|kind|warm|warmest|kindest)\s+(?:regards|wishes)|regards|respectfully(?:\s+yours)?|thanking\s+you|with\s+(?:best\s+|kind\s+|warm\s+)?regards|best|cheers|cordially)\s*,?)$/i
const abbreviations = new Set(['etc.', 'al.', 'vs.', 'cf.', 'approx.', 'esp.', 'incl.', 'resp.', 'viz.', 'dept.', 'univ.', 'prof.', 'dr.', 'mr.', 'ms.', 'mrs.', 'fig.', 'eq.', 'sec.', 'ch.', 'vol.', 'no.', 'pp.', 'ed.', 'eds.'])
// Lines that may follow a signature: contact details, enclosures, a link.
const contactLine = /https?:\/\/|www\.|@|\b(?:enclosures?|attachments?|encl|cc|tel|phone|e-?mail|linkedin|github|portfolio)\b|^[\d\s()+.-]{7,}$/i

/** Notes to self and unfinished drafting: "[reword this?]", "expand this para later", "blah blah". */
export default defineRule({
  meta: {
    id: 'draft-note',
    description: 'Notes to yourself and unfinished drafting ("[reword this?]", "expand this para later", "blah blah", "tools such as .")',
    rationale:
      'A note to yourself ("[add a second example]", "(confirm dates with Raj)", "expand this para later"), filler standing for text not yet written ("blah blah"), a list that stops before its items, or text left after the signature shows the committee a draft that nobody finished. Like a template leftover it can sink an application on its own, so it is an error.',
    defaultLevel: 'error',
    fix: 'none',
    type: 'problem',
    example: {
      before: 'I tuned the planner until it ran in real time [add the exact numbers]. expand this para later',
      after: 'I tuned the planner until it ran at 30 Hz on the robot, three times faster than before.'
    }
  },
  check({doc, report}) {
    const found: Array<{start: number; end: number; message: string}> = []
    const add = (start: number, end: number, message: string) => found.push({start, end, message})
    const text = doc.text
    const isTex = doc.format === 'tex'

    for (const block of doc.blocks) {
      bracketNotes(text, block, add)
      if (isTex) markdownMarks(text, block, add)
    }
    for (const sentence of doc.sentences) {
      sentenceNote(text, sentence, add)
      fillerWords(text, sentence, add)
      danglingList(text, sentence, add)
    }
    // An empty citation, `\cite{}`: the source was to be found later.
    for (const t of doc.tokens) {
      if (t.kind === 'code' && /^\\(?:cite|citep|citet|parencite|textcite|autocite|ref|eqref|autoref|cref|Cref)\*?(?:\[[^\]]*\])*\{\s*\}$/.test(t.text)) add(t.start, t.end, `${quote(t.text)} is an empty reference left to fill in; add the key or delete it`)
    }
    draftLabel(doc, add)
    checklist(doc, add)
    if (!isTex) afterEnd(doc, add)
    afterSignature(doc, add)

    found.sort((a, b) => a.start - b.start || b.end - a.end)
    let lastEnd = -1
    for (const f of found) {
      if (f.start < lastEnd) continue
      lastEnd = f.end
      report(f)
    }
  }
})

type Add = (start: number, end: number, message: string) => void

function short(actual: string): string {
  const one = actual.replace(/\s+/g, ' ').trim()
  return quote(one.length > 60 ? one.slice(0, 57) + '...' : one)
}

function noteMessage(actual: string): string {
  return `${short(actual)} is a note to yourself left in the text; settle it and delete the note`
}

const wordsOf = (inner: string) => inner.toLowerCase().replace(/\u2019/g, "'").split(/[^\p{L}\p{N}'-]+/u).filter(Boolean)

// "**too cute**" in a .tex file: Markdown marks print as asterisks there; most are a comment the
// writer left on their own words.
function markdownMarks(text: string, block: Block, add: Add): void {
  const source = text.slice(block.start, block.end)
  for (const m of source.matchAll(/(?<![*\\])\*\*(?=\S)([^*\n]{1,80}?)(?<=\S)\*\*(?!\*)/g)) {
    if (!/\p{L}{2}/u.test(m[1])) continue
    const start = block.start + m.index!
    add(start, start + m[0].length, `${short(m[0])} is Markdown in a LaTeX file and prints with its asterisks; if it is a note to yourself delete it, else write \\textbf{${m[1].length > 30 ? '...' : m[1]}}`)
  }
}

// [reword this?], (confirm dates with Raj), [add a second example], [citation needed].
function bracketNotes(text: string, block: Block, add: Add): void {
  const source = text.slice(block.start, block.end)
  for (const m of source.matchAll(/(?<![\]!\\])\[([^\[\]\n]{2,160})\](?![(\[:])|(?<![\p{L}\p{N}])\(([^()\n]{2,160})\)/gu)) {
    const square = m[1] !== undefined
    const inner = (square ? m[1] : m[2]).trim()
    const words = wordsOf(inner)
    if (words.length === 0 || words.length > 20) continue
    const first = words[0]
    const isNote =
      verbs.has(first) ||
      (square && (/\?$/.test(inner) || first === 'more' || first === 'need' || first === 'needs' || first === 'maybe' || words.at(-1) === 'here' || /^(?:citation|reference|source)s? needed$/.test(words.join(' ')))) ||
      (!square && (first === 'need' || first === 'needs') && words.some((w) => nouns.has(w) && !pronouns.has(w))) ||
      // "(something about impact)", "[something]": a gap to fill later ("something like patience" is prose).
      (first === 'something' && (words[1] === 'about' || words[1] === 'on' || words.length === 1))
    if (!isNote) continue
    // A citation key or a year: [Smith 2020], (2021).
    if (/^@|^\d/.test(inner)) continue
    const start = block.start + m.index!
    // Only brackets in the prose itself: not in a LaTeX comment or a macro's argument.
    if (!block.tokens.some((t) => t.kind === 'word' && t.start > start && t.end < start + m[0].length)) continue
    add(start, start + m[0].length, noteMessage(m[0]))
  }
}

// "expand this para later", "FIXME cite", "P.S. check the word limit again", "need to add dates".
function sentenceNote(text: string, sentence: Sentence, add: Add): void {
  // The splitter keeps "... robot. expand this para later" as one sentence (a lower-case word
  // follows the full stop); a note often hides there, so each part is judged on its own.
  let from = 0
  const tokens = sentence.tokens
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]
    // The tokenizer keeps the stop on the word ("robot.") when a lower-case word follows.
    const last = t.text.charCodeAt(t.text.length - 1)
    const stop = (last === 46 || last === 33 || last === 63) && ((t.kind === 'punct' && /^[.!?]$/.test(t.text)) || (t.kind === 'word' && /\p{Ll}{2}\.$/u.test(t.text) && !abbreviations.has(t.norm)))
    const lowerNext = stop && tokens[k + 1]?.kind === 'word' && /^\p{Ll}/u.test(tokens[k + 1].text)
    if (k === tokens.length - 1 || (stop && lowerNext)) {
      // Most parts start with no editing verb or lead-in in their first words: skip them cheaply.
      if (!mayOpenNote(tokens, from, k)) {
        from = k + 1
        continue
      }
      const part = tokens.slice(from, k + 1)
      const words = part.filter((w) => w.kind === 'word')
      const end = part[part.length - 1]
      if (words.length > 0) partNote(text, words, end, end.kind === 'punct' && /^[.!?]$/.test(end.text), add)
      from = k + 1
    }
  }
}

const leadIns = new Set(['p.s', 'p.s.', 'ps', 'nb', 'n.b', 'n.b.', 'note', 'notes', 'self', 'to', 'fixme', 'todo', 'tbd', 'need', 'needs', 'more', 'this'])
function mayOpenNote(tokens: Token[], from: number, to: number): boolean {
  for (let k = from, seen = 0; k <= to && seen < 5; k++) {
    const t = tokens[k]
    if (t.kind !== 'word') continue
    seen++
    if (verbs.has(t.norm) || leadIns.has(t.norm)) return true
  }
  return false
}

function partNote(text: string, words: Token[], endToken: Token, terminal: boolean, add: Add): void {
  // "TODO: shorten this": the placeholder rule reports the TODO itself; one finding is enough.
  if (/^(?:TODO|FIXME|TBD|TKTK)$/.test(words[0].text.replace(/:$/, ''))) return
  let i = 0
  // A lead-in that marks a note or a postscript: "P.S.", "NB", "note to self:".
  while (i < words.length && /^(?:p\.?s\.?|nb|n\.b\.?|note|notes|self|to|fixme|todo|tbd)$/.test(words[i].norm.replace(/\.$/, ''))) i++
  const rest = words.slice(i)
  if (rest.length === 0 || rest.length > 14) return
  const first = rest[0].norm
  const tail = rest.slice(1).map((w) => w.norm)
  const hasNoun = tail.some((w) => nouns.has(w) && !pronouns.has(w))
  const hasPronoun = tail.some((w) => pronouns.has(w))
  const hasTime = tail.some((w) => times.has(w))
  let isNote = false
  if (verbs.has(first)) {
    // An imperative opens the sentence (after any lead-in): not "Adding ...", not "I add ...".
    isNote = strong.has(first) ? hasNoun || hasPronoun || hasTime || rest.length <= 4 || !terminal : hasNoun || (hasPronoun && hasTime)
    // Capitalised and finished with a full stop, a weak verb needs both a piece and a time.
    if (isNote && !strong.has(first) && terminal && /^\p{Lu}/u.test(rest[0].text) && i === 0 && !hasTime) isNote = false
  } else if ((first === 'need' || first === 'needs') && tail[0] === 'to' && verbs.has(tail[1] ?? '')) isNote = true
  else if (first === 'more' && tail.includes('here')) isNote = true
  else if (writerPutsOff(rest.map((w) => w.norm))) isNote = true
  // "Need a better transition here.", "Needs more examples": short, and about a piece of the draft.
  else if ((first === 'need' || first === 'needs') && rest.length <= 8 && hasNoun) isNote = true
  // "This paragraph is too long", "this section needs work": the draft talking about itself.
  else if (first === 'this' && /^(para|paragraph|sentence|section|intro|introduction|opening|ending|conclusion|part|bit)$/.test(tail[0] ?? '') && (/^(needs|should|feels|reads|sounds|could|seems|might|must)$/.test(tail[1] ?? '') || (tail[1] === 'is' && /^(too|not|weak|long|short|awkward|unclear|clunky|repetitive|boring|wordy|confusing|redundant|off|bad|rough|messy)$/.test(tail[2] ?? ''))) && rest.length <= 12 && !/^(describes|presents|outlines|summarizes|summarises|explains|discusses|shows)$/.test(tail[1] ?? '')) isNote = true
  // "NOTE: mention the award?": an editing verb after a lead-in.
  if (!isNote && i > 0 && verbs.has(first) && /^(?:note|notes|todo|fixme|tbd)$/i.test(words[0].norm.replace(/\.$/, '')) && (words[0].text === words[0].text.toUpperCase() || !terminal)) isNote = true
  if (!isNote) return
  const s = words[0].start
  const e = endToken.kind === 'punct' && endToken.end - s < 200 ? endToken.end : words[words.length - 1].end
  add(s, e, noteMessage(text.slice(s, e)))
}

// "I'll need to get creative here", "we should add more later": the writer telling themselves to
// come back, a subject and "need/should/must/have to" with an editing verb and "here/later".
function writerPutsOff(words: string[]): boolean {
  if (words.length > 12) return false
  let k = 0
  if (!/^(i|i'll|we|we'll|i'd|we'd)$/.test(words[k++] ?? '')) return false
  if (/^(should|must)$/.test(words[k] ?? '')) k++
  else {
    if (/^(will|still|really)$/.test(words[k] ?? '')) k++
    if (!/^(need|needs|have|got)$/.test(words[k] ?? '')) return false
    k++
    if (words[k++] !== 'to') return false
  }
  if (!verbs.has(words[k] ?? '')) return false
  // The time ends the note: "I should mention here that ..." is the statement speaking.
  const lastWord = words[words.length - 1].replace(/\.+$/, '')
  return words.length > k + 1 && /^(here|later|tbd|asap)$/.test(lastWord)
}

// "blah blah", "balabala": filler standing for text not yet written.
function fillerWords(text: string, sentence: Sentence, add: Add): void {
  const words = sentence.words
  for (let i = 0; i < words.length; i++) {
    if (!fillers.has(words[i].norm)) continue
    let j = i
    while (words[j + 1] && fillers.has(words[j + 1].norm)) j++
    // "yada" and "bla" alone are names or words elsewhere; doubled they are filler.
    if (j === i && /^(?:yada|yadda|bla)$/.test(words[i].norm)) continue
    const s = words[i].start
    const e = words[j].end
    add(s, e, `${quote(text.slice(s, e))} stands for text not yet written; write the passage or cut it`)
    i = j
  }
}

// "tools such as .", "including ,": a list that stops before its items.
function danglingList(text: string, sentence: Sentence, add: Add): void {
  const tokens = sentence.tokens
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]
    const next = tokens[i + 1]
    if (t.kind !== 'word' || next.kind !== 'punct' || !/^[.,;]$/.test(next.text)) continue
    const prev = tokens[i - 1]
    const open = openers.has(t.norm) || (t.norm === 'as' && prev?.norm === 'such')
    if (!open) continue
    // "the." in a quoted word list or a title is rare; only when a space stands before the mark or
    // the word is one no clause can end on.
    if ((t.norm === 'the' || t.norm === 'an' || t.norm === 'and' || t.norm === 'or') && next.start === t.end) continue
    const s = prev?.norm === 'such' ? prev.start : t.start
    add(s, next.end, `The list stops at ${quote(text.slice(s, next.end))} before its items; name them or end the sentence`)
  }
}

// A GitHub task list ("- [ ] My goals") is an outline, not prose.
function checklist(doc: Doc, add: Add): void {
  walkTree(doc.mdast, (node: MdastNodes) => {
    if (node.type === 'code' || node.type === 'yaml') return SKIP
    if (node.type === 'listItem' && typeof node.checked === 'boolean') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) add(start, end, `${short(doc.text.slice(start, end))} is a checklist item from your outline; turn it into prose or delete it`)
      return SKIP
    }
    return undefined
  })
}

// `\end{document}` in Markdown or plain text, with more text after it: pasted from a LaTeX draft.
function afterEnd(doc: Doc, add: Add): void {
  const at = doc.text.indexOf('\\end{document}')
  if (at < 0) return
  const rest = doc.text.slice(at + '\\end{document}'.length)
  const m = /\S[^\n]*/.exec(rest)
  const start = at
  const end = m ? at + '\\end{document}'.length + m.index + m[0].length : at + '\\end{document}'.length
  add(start, end, m ? `Text follows ${quote('\\end{document}')}, left from an old draft; delete it and the command` : `${quote('\\end{document}')} is LaTeX left in the text; delete it`)
}

// Prose after "Yours sincerely, / Name": a leftover passage or a note below the letter.
function afterSignature(doc: Doc, add: Add): void {
  const blocks = doc.blocks
  const wordCount = (b: Block) => b.tokens.filter((t: Token) => t.kind === 'word').length
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]
    const lines = doc.text.slice(b.start, b.end).split(/\r?\n/)
    // The sign-off may share its block with the name ("Best regards,\nJane Doe").
    const at = lines.findIndex((l) => signOff.test(l.replace(/[*_]/g, '').trim()))
    if (at < 0 || lines.slice(0, at).join(' ').trim().split(/\s+/).length > 12) continue
    let j = i + 1
    if (lines.slice(at + 1).join('').trim() === '' && blocks[j] && wordCount(blocks[j]) <= 5) j++
    for (; j < blocks.length; j++) {
      const next = blocks[j]
      const source = doc.text.slice(next.start, next.end)
      if (contactLine.test(source) || /^p\.?\s?s\b/i.test(source.trim())) continue
      // A signature's name, titles and address are short capitalised lines; a passage has a
      // finished sentence in ordinary lower-case words.
      const passage = next.sentences.some((x) => x.terminal && x.words.length >= 6 && x.words.filter((w) => /^\p{Ll}/u.test(w.text)).length >= 3)
      if (!passage) continue
      add(next.start, next.end, `${short(source)} comes after the signature; move it into the letter or delete it`)
    }
    return
  }
}

// "SOP Draft1 :", "Statement of Purpose (draft 2)": a label for the writer, not the reader.
function draftLabel(doc: Doc, add: Add): void {
  for (const block of doc.blocks) {
    let count = 0
    for (const s of block.sentences) if ((count += s.words.length) > 8) break
    if (count === 0 || count > 8 || block.sentences.some((s) => s.terminal)) continue
    const words = block.tokens.filter((t) => t.kind === 'word')
    const hit = words.find((w) => /^(?:draft|draft[-_]?v?\d+|v\d+)$/.test(w.norm))
    if (!hit || (hit.norm.startsWith('v') && !words.some((w) => w.norm.startsWith('draft')))) continue
    add(block.start, block.end, `${short(doc.text.slice(block.start, block.end))} labels the draft; delete the label before you send it`)
  }
}
