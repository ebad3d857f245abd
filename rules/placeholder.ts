// Template leftovers are the one flaw a reader never forgives: they show the statement was not
// written for them. Link targets live only in the Markdown tree, and `<Professor Name>` is parsed
// as inline HTML, so this rule reads doc.mdast as well as the prose tokens.
import type {Nodes as MdastNodes} from 'mdast'
import data from './data/placeholder.yml'
import {defineRule} from '../src/core/rule.ts'
import type {Doc} from '../src/core/types.ts'
import {SKIP, quote, reportFirstOfOverlaps, walkTree} from './util.ts'
import {indexOfToken} from './tokens.ts'

const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()))
const slots = lower(data.slots)
const verbs = lower(data.verbs)
const small = lower(data.small)
const institutions = lower(data.institutions)
const standins = lower(data.standins)
const names = lower(data.names)
const tags = lower(data.tags)

// A link that goes nowhere or to a sample address.
const deadTarget = /^(?:#!?|\.\.\.|…|url|link|href|todo|tbd|x{2,}|(?:insert|your|add)[-_ ]?(?:link|url)(?:[-_ ]?here)?|link[-_ ]?here|javascript:void\(0\);?)?$/i
const sampleHost = /^(?:(?:https?:)?\/\/)?(?:www\.)?(?:example\.(?:com|org|net|edu)|[\w-]*\byour[-_]?(?:name|site|website|domain|portfolio|username|user|blog|page|url|link|profile|company|school)\b[\w.-]*)(?:[/:?#]|$)/i
const sampleProfile = /(?:github\.com|gitlab\.com|linkedin\.com\/in|twitter\.com|x\.com|medium\.com)\/@?(?:your[-_]?)?(?:user[-_]?name|name|handle|profile|id|account)\/?$/i
const sampleMail = /^mailto:(?:you|your[-_.]?(?:name|email)|name|email|user(?:name)?)@/i

/** Template leftovers: empty links, [Program Name], XXX, TODO. */
export default defineRule({
  meta: {
    id: 'placeholder',
    description: 'Template leftovers: empty links, [Program Name], XXX, TODO',
    rationale:
      'A bracketed "[University]", a link to "#", a "TODO" or a stand-in like "XYZ Company" tells the committee the statement came from a template and was not read before it was sent, and a dead link asks the reader to click on nothing. It is the easiest mistake to avoid and among the costliest to make, which is why it is an error rather than a warning.',
    defaultLevel: 'error',
    fix: 'none',
    type: 'problem',
    example: {
      before: 'I am excited to apply to the [Program Name] at [University]; my code is on my [website](#).',
      after: 'I am excited to apply to the MS in Robotics at Carnegie Mellon; my code is at https://github.com/jdoe/planner.'
    }
  },
  check({doc, report}) {
    const found: Array<{start: number; end: number; message: string}> = []
    const add = (start: number, end: number, message: string) => found.push({start, end, message})
    const text = doc.text

    walkTree(doc.mdast, (node: MdastNodes) => {
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml' || (node.type as string) === 'toml') return SKIP
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return undefined
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
        // `[]()` shows nothing on the page (an export leftover); only visible links matter.
        if (node.type === 'link' && !/[\p{L}\p{N}]/u.test(text.slice(start, end).replace(/\]\([^)]*\)$/, ''))) return SKIP
        const why = deadLink(node.url.trim())
        if (why) add(start, end, `${quote(text.slice(start, end))} ${why}; put in the real address or remove the link`)
        return undefined
      }
      if (node.type === 'html') {
        const m = /^<{1,2}([^<>\n]{1,60})>{1,2}$/.exec(node.value.trim())
        if (m && isAngleSlot(m[1])) add(start, end, slotMessage(text.slice(start, end)))
        return undefined
      }
      if (node.type === 'text') scanText(text, start, end, add)
      return undefined
    })

    for (const block of doc.blocks) {
      scanNotes(text, block.start, block.end, add)
      let count = 0
      for (const s of block.sentences) count += s.words.length
      if (count > 4) continue
      const words = block.tokens.filter((t) => t.kind === 'word')
      if (names.has(words.map((w) => w.norm).join(' '))) {
        const s = words[0].start
        const e = words[words.length - 1].end
        add(s, e, `${quote(text.slice(s, e))} is a placeholder left from a template; sign with your own name`)
      }
    }
    scanTokens(doc, add)

    reportFirstOfOverlaps(found, report)
  }
})

function deadLink(url: string): string | undefined {
  if (deadTarget.test(url)) return 'links nowhere'
  if (sampleHost.test(url) || sampleProfile.test(url) || sampleMail.test(url) || /(?:^|[/=.?#-])x{4,}(?:$|[/.&#?-])/i.test(url)) return 'points to a sample address'
  return undefined
}

function slotMessage(actual: string): string {
  return `${quote(actual)} is a placeholder left from a template; replace it with the real text`
}

type Add = (start: number, end: number, message: string) => void

// Bracketed slots, blanks and salutation stand-ins in one text node's source.
function scanText(text: string, start: number, end: number, add: Add): void {
  const source = text.slice(start, end)
  // Each pattern below needs one of these characters (or "??" or "Dear"): most text has none.
  if (!/[[<{(_]|\?\?|Dear/.test(source)) return
  // [Program Name], \[University\], [insert a number]; not R[x] or [1] or [...].
  for (const m of source.matchAll(/(?<![\p{L}\p{N}\]])\\?\[\s*([^\[\]\n]{1,60}?)\s*\\?\](?!\()/gu)) {
    if (isSlot(m[1], true)) add(start + m.index!, start + m.index! + m[0].length, slotMessage(m[0]))
  }
  // <Professor Name> in plain text (Markdown parses it as HTML, handled by the caller).
  for (const m of source.matchAll(/<{1,2}([^<>\n]{1,60})>{1,2}/g)) {
    if (isAngleSlot(m[1])) add(start + m.index!, start + m.index! + m[0].length, slotMessage(m[0]))
  }
  // {school}, {{program_name}}, {University Name}.
  for (const m of source.matchAll(/\{\{?\s*([A-Za-z][A-Za-z_ .'-]{0,50}?)\s*\}\}?/g)) {
    if (!/^x{1,3}$/i.test(m[1].trim()) && isSlot(m[1].replace(/_/g, ' '), false)) add(start + m.index!, start + m.index! + m[0].length, slotMessage(m[0]))
  }
  // (insert program name), (your name here).
  for (const m of source.matchAll(/\(\s*((?:insert|enter|fill in|your)\b[^()\n]{1,50}?)\s*\)/gi)) {
    if (isSlot(m[1], true)) add(start + m.index!, start + m.index! + m[0].length, slotMessage(m[0]))
  }
  // A blank to fill in: "Dear Professor _____," (escaped or not).
  for (const m of source.matchAll(/(?:\\?_){3,}/g)) {
    add(start + m.index!, start + m.index! + m[0].length, `${quote(m[0])} is a blank left to fill in; write the name or the words it stands for`)
  }
  // "we reached ??? accuracy", "(??)": question marks standing where a word or figure belongs.
  for (const m of source.matchAll(/(?<=^|[\s(\[])\?{2,}(?=$|[\s)\].,;:%])/g)) {
    add(start + m.index!, start + m.index! + m[0].length, `${quote(m[0])} stands where a word or a figure belongs; write it`)
  }
  // "Dear ~," "Dear ...,": a salutation with no one in it.
  for (const m of source.matchAll(/\bDear\s+((?:Dr\.?|Prof\.?|Professor|Mr\.?|Ms\.?|Mrs\.?)\s+)?(~+|\.{3}|…|X{1,3})(?=\s*[,:!]|\s*$)/g)) {
    const s = start + m.index!
    add(s, s + m[0].length, `${quote(m[0])} has a stand-in where the name belongs; write the name of the person you address`)
  }
}

// A bracketed phrase is a slot when it instructs the writer ("insert ...", "your ...", "X") or is a
// Title Case (or lower case, for templates) run of slot words such as "Program Name".
function isSlot(inner: string, square: boolean): boolean {
  const words = inner.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0 || words.length > 14) return false
  const norm = words.map((w) => w.toLowerCase().replace(/[.,:;!?]+$/, '').replace(/\u2019/g, "'"))
  if (/^(?:\.{2,}|…|sic|\d+|[a-z]\d*|\?)$/i.test(inner.trim()) && !/^x$/i.test(inner.trim())) return false
  const first = norm[0]
  const two = norm.slice(0, 2).join(' ')
  const three = norm.slice(0, 3).join(' ')
  if (first === 'your' || first === 'yourname') return words.length >= 2 || !square
  if (verbs.has(first) || verbs.has(two) || verbs.has(three)) return true
  const hasSlot = words.length <= 8 && norm.some((w) => slots.has(w))
  if (!hasSlot) return false
  const titled = words.every((w, i) => /^[\p{Lu}\d]/u.test(w) || (i > 0 && small.has(norm[i])))
  if (titled) return true
  // Lower case: only phrases made wholly of slot words ("program name", "university"); "[the lab]"
  // in a quotation starts with an article and is an editorial bracket.
  return norm.every((w) => slots.has(w) || (small.has(w) && w !== 'the' && w !== 'a' && w !== 'an')) && !['the', 'a', 'an'].includes(first)
}

function isAngleSlot(inner: string): boolean {
  const trimmed = inner.trim()
  // A real tag: <br>, <a href="...">, </p>, <!-- -->, an autolink.
  if (/^[/!?]/.test(trimmed) || /[=":@]|\/\//.test(trimmed)) return false
  const first = trimmed.split(/\s+/)[0].toLowerCase()
  if (tags.has(first) && !/^[A-Z]/.test(trimmed)) return false
  if (tags.has(first) && trimmed.split(/\s+/).length === 1) return false
  return isSlot(trimmed, false) && (/^[\p{Lu}]/u.test(trimmed) || /\s/.test(trimmed) || /^(?:insert|your|todo)/i.test(trimmed))
}

// Notes to self left in the text: `/** check this **/`.
function scanNotes(text: string, start: number, end: number, add: Add): void {
  const source = text.slice(start, end)
  if (!source.includes('/*')) return
  for (const m of source.matchAll(/\/\*{1,2}(?!\s*\*\/)[^\n]{1,400}?\*{1,2}\//g)) {
    add(start + m.index!, start + m.index! + m[0].length, `${quote(m[0].length > 60 ? m[0].slice(0, 57) + '...' : m[0])} is a note to yourself left in the text; settle it and delete the note`)
  }
}

// "Corp.'s" -> "corp".
function bare(norm: string): string {
  return norm.replace(/'s$/, '').replace(/\.$/, '')
}

// Stand-ins and editing notes in the prose tokens: XYZ University, Company ABC, TODO, TBD,
// lorem ipsum, 20XX.
function scanTokens(doc: Doc, add: Add): void {
  for (const sentence of doc.sentences) {
    const words = sentence.words
    const tokens = sentence.tokens
    for (let i = 0; i < words.length; i++) {
      const w = words[i]
      // Every test below needs a capital or a digit first, or one of these words: most words go.
      const first = w.text.charCodeAt(0)
      if (first >= 97 && first <= 122 && w.norm !== 'todo' && w.norm !== 'fixme' && w.norm !== 'lorem' && !/^x{3,}$/.test(w.norm)) continue
      const next = words[i + 1]
      const prev = words[i - 1]
      const named = next && institutions.has(bare(next.norm)) && /^[A-Z]/.test(next.text)
      if (/^(?:TODO|FIXME|TBD|TKTK)$/.test(w.text) || (/^(?:XXX+|xxx+)$/.test(w.text) && !named) || (/^(?:todo|fixme)$/i.test(w.text) && tokens[indexOfToken(tokens, w) + 1]?.text === ':')) {
        add(w.start, w.end, `${quote(w.text)} is a note to yourself left in the text; finish the passage and delete the note`)
        continue
      }
      // INSERT PROGRAM NAME, UNIVERSITY NAME: a template's instruction in capitals.
      if (/^(?:INSERT|ENTER|ADD|FILL)$/.test(w.text) || (/^[A-Z]{3,}$/.test(w.text) && next?.text === 'NAME')) {
        let j = i
        while (words[j + 1] && /^[A-Z][A-Z'’]*$/.test(words[j + 1].text) && indexOfToken(tokens, words[j + 1]) === indexOfToken(tokens, words[j]) + 1) j++
        if (j > i) {
          add(w.start, words[j].end, slotMessage(doc.text.slice(w.start, words[j].end)))
          i = j
          continue
        }
      }
      if (/^(?:19|20)XX$/.test(w.text)) {
        add(w.start, w.end, `${quote(w.text)} is a stand-in for a year; write the year`)
        continue
      }
      // "by XX%", "X percent": a stand-in for a figure.
      const afterToken = /^X{1,3}$/.test(w.text) ? tokens[indexOfToken(tokens, w) + 1] : undefined
      if (afterToken && (afterToken?.text === '%' || next?.norm === 'percent') && afterToken?.start === w.end + (afterToken?.text === '%' ? 0 : 1)) {
        const e = afterToken!.text === '%' ? afterToken!.end : next!.end
        add(w.start, e, `${quote(doc.text.slice(w.start, e))} is a stand-in for a figure; write the number`)
        continue
      }
      if (w.norm === 'lorem' && next?.norm === 'ipsum') {
        add(w.start, next.end, `${quote(w.text + ' ' + next.text)} is filler text; replace it with your own words`)
        continue
      }
      if (!standins.has(w.norm) || !/^[A-Z0-9]+$/.test(w.text)) continue
      const before = prev && institutions.has(bare(prev.norm)) ? prev : prev?.norm === 'of' && words[i - 2] && institutions.has(words[i - 2].norm) ? words[i - 2] : undefined
      const after = named ? next : undefined
      if (!before && !after) continue
      if (before && !/^[A-Z]/.test(before.text)) continue
      const s = (before ?? w).start
      const e = (after ?? w).end
      add(s, e, `${quote(doc.text.slice(s, e))} is a stand-in name; write the real one`)
    }
  }
}
