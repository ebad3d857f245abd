// Usage slips common in Indian, African and other Englishes and among writers of English as a
// second language. Fixed phrases live in rules/data/grammar-slip.yml; the slips that need a
// look at the sentence are written here: a singular noun after "one of the", the present
// perfect with a finished time, "it's" for "its", "the reason ... is because", "passed out"
// for graduated, and "although ..., but".
import data from './data/grammar-slip.yml'
import {replacements, type PhraseEntry, type PhraseMatch} from '../src/core/phrases.ts'
import {defineRule, type Report} from '../src/core/rule.ts'
import type {Doc, Sentence, Token} from '../src/core/types.ts'
import {phraseMessage, quote} from './util.ts'
import {indexOfToken} from './tokens.ts'

/** A grammar-slip entry: a phrase entry with the fields this rule reads (see the data file). */
export interface SlipEntry extends PhraseEntry {
  /** Words of the match to rewrite for the fix (`''` deletes), the rest kept as written. */
  swap?: Record<string, string>
  /** Only when the next token is one of these words (`.` stands for punctuation or the end). */
  next?: string[]
  /** Only when the last word of the match starts with a capital. */
  capital?: boolean
  /** Not when a full stop follows at once. */
  unlessDot?: boolean
  /**
   * The match opens a clause ("As we all know that X, I ..."): when a comma follows in the
   * sentence, the swap would leave a comma splice ("As we all know, X, I ..."), so both readings
   * are offered as suggestions, never applied by --fix.
   */
  splice?: boolean
  /** Words at the start (`lead`) or end (`trail`) of the match that are context, not reported. */
  lead?: number
  trail?: number
}

interface SlipData {
  phrases: SlipEntry[]
  oneOfExempt: string[]
  oneOfBoundary: string[]
  oneOfNouns: string[]
  itsNouns: string[]
  participles: Record<string, string>
}

const slip = data as SlipData

const oneOfExempt = new Set(slip.oneOfExempt)
const oneOfBoundary = new Set(slip.oneOfBoundary)
const oneOfNouns = new Set(slip.oneOfNouns)
const itsNouns = new Set(slip.itsNouns)
const participles = new Map(Object.entries(slip.participles))

/** Usage slips common among non-native writers, each with the standard form. */
export default defineRule({
  meta: {
    id: 'grammar-slip',
    phrases: slip.phrases,
    description: 'Usage slips common among non-native writers ("discuss about", "one of the best university", "state of art")',
    rationale:
      'Readers on admissions committees notice usage that standard written English does not share, such as redundant prepositions ("emphasize on"), Indian-English idioms ("do the needful", "passed out" for graduated), stative verbs in the progressive ("I am having experience") or a singular noun after "one of the". Each slip is small, but several together make a statement read as unedited. Phrase list: rules/data/grammar-slip.yml; sources: Swan, Practical English Usage, and Sailaja, Indian English.',
    defaultLevel: 'warn',
    // Entries marked `auto: true` in the data are safe for --fix; every other replacement is a suggestion.
    fix: 'auto',
    type: 'problem',
    example: {
      before: 'As we all know that data is everywhere. In my internship I learned to cope up with noisy labels and to discuss about them with the team.',
      after: 'As we all know, data is everywhere. In my internship I learned to cope with noisy labels and to discuss them with the team.'
    }
  },
  check({doc, report, phrases}) {
    const found: Report[] = []
    for (const match of phrases) {
      const entry = match.entry as SlipEntry
      if (!holds(doc, match, entry)) continue
      const tokens = match.tokens.slice(entry.lead ?? 0, match.tokens.length - (entry.trail ?? 0))
      const start = tokens[0].start
      const end = tokens[tokens.length - 1].end
      const actual = doc.text.slice(start, end)
      const expected = entry.swap ? [swapped(doc.text, tokens, entry.swap)] : replacements(entry, actual)
      if (entry.splice && clauseFollows(match)) {
        // "As data is everywhere, I chose statistics" or "As we all know, data is everywhere": which
        // one is right depends on the rest of the sentence, so the writer chooses.
        const opener = tokens[0].text
        found.push({
          start,
          end,
          message: `${quote(actual)} ${entry.reason}, and a comma in its place would run two sentences together; write ${quote(opener)} alone, or ${quote(expected[0])} and end the sentence after the fact it introduces`,
          expected: [opener, ...expected],
          note: entry.note,
          fixable: false
        })
        continue
      }
      found.push({start, end, message: phraseMessage(entry, actual, expected), expected, note: entry.note, fixable: entry.auto === true})
    }
    for (const sentence of doc.sentences) {
      oneOfThe(doc, sentence, found)
      presentPerfect(doc, sentence, found)
      itsPossessive(doc, sentence, found)
      reasonBecause(doc, sentence, found)
      passedOut(doc, sentence, found)
      althoughBut(doc, sentence, found)
    }
    // One finding per span: where two overlap, the earlier (then the longer) one stays.
    found.sort((a, b) => a.start - b.start || b.end - a.end)
    let lastEnd = -1
    for (const finding of found) {
      if (finding.start < lastEnd) continue
      lastEnd = finding.end
      report({...finding, fixable: finding.fixable === true})
    }
  }
})

function holds(doc: Doc, match: PhraseMatch, entry: SlipEntry): boolean {
  const last = match.tokens[match.tokens.length - 1]
  if (entry.unlessDot && doc.text[match.end] === '.') return false
  if (entry.capital && (!/^\p{Lu}/u.test(last.text) || last.norm === 'i')) return false
  if (entry.next) {
    const tokens = last.sentence.tokens
    const after = tokens[indexOfToken(tokens, last) + 1]
    const ok = !after || after.kind !== 'word' ? entry.next.includes('.') : entry.next.includes(after.norm)
    if (!ok) return false
  }
  return true
}

// A comma later in the match's sentence: "As we all know that X, I ..." goes on after X.
function clauseFollows(match: PhraseMatch): boolean {
  const last = match.tokens[match.tokens.length - 1]
  const tokens = last.sentence.tokens
  return tokens.slice(tokens.indexOf(last) + 1).some((t) => t.kind === 'punct' && t.text === ',')
}

/** The match with its swapped words rewritten; separators and Markdown marks kept. */
export function swapped(text: string, tokens: Token[], swap: Record<string, string>): string {
  let out = ''
  let raise = false
  tokens.forEach((token, i) => {
    const sep = i === 0 ? '' : text.slice(tokens[i - 1].end, token.start)
    const marks = sep.replace(/\s+/g, '')
    const own = Object.hasOwn(swap, token.norm)
    let word = own ? swap[token.norm] : token.text
    if (word === '') {
      out += marks
      if (i === 0 && /^\p{Lu}/u.test(token.text)) raise = true
      return
    }
    if (own && /^\p{Lu}/u.test(token.text) && !/^\p{Lu}{2}/u.test(token.text)) word = word[0].toUpperCase() + word.slice(1)
    if (raise) {
      word = word[0].toUpperCase() + word.slice(1)
      raise = false
    }
    const glue = /^[,.;:]/.test(word) || out === '' ? marks : sep
    out += glue + word
  })
  return out
}

function sameCase(model: string, word: string): string {
  return /^\p{Lu}/u.test(model) ? word[0].toUpperCase() + word.slice(1) : word
}

const possessives = new Set(['the', 'my', 'our', 'his', 'her', 'their', 'its', 'your'])
const notModifiers = new Set(['a', 'an', 'the', 'not', 'only', 'this', 'that', 'these', 'those', 'which', 'who', 'what', 'very'])
const adjectivalOr = new Set(['major', 'minor', 'prior', 'inferior', 'superior', 'interior', 'exterior', 'other', 'former', 'latter', 'proper', 'over', 'under', 'ever', 'never', 'better', 'bigger', 'greater', 'larger', 'smaller', 'higher', 'lower', 'newer', 'older', 'faster', 'earlier', 'later', 'harder', 'easier', 'wider', 'stronger', 'cleverer'])
const irregularPlural: Record<string, string> = {person: 'people', child: 'children', man: 'men', woman: 'women', analysis: 'analyses', criterion: 'criteria', phenomenon: 'phenomena', thesis: 'theses', kid: 'kids'}

// "one of the leading institute in" -> "institutes": a singular count noun ends the phrase.
function oneOfThe(doc: Doc, sentence: Sentence, found: Report[]): void {
  const t = sentence.tokens
  for (let i = 0; i + 3 < t.length; i++) {
    if (t[i].norm !== 'one' || t[i + 1].norm !== 'of' || !possessives.has(t[i + 2].norm)) continue
    if (t[i - 1]?.norm === 'no' || t[i - 1]?.norm === 'any') continue
    const phrase: Token[] = []
    let j = i + 3
    while (j < t.length && t[j].kind === 'word' && !oneOfBoundary.has(t[j].norm) && phrase.length < 5) phrase.push(t[j++])
    if (phrase.length === 0 || phrase.length > 4) continue
    const after = t[j]
    if (after && after.kind !== 'punct' && !oneOfBoundary.has(after.norm)) continue
    if (after && after.kind === 'punct' && /^['’-]$/.test(after.norm)) continue
    if (phrase.some((w) => /\p{Lu}/u.test(w.text) || notModifiers.has(w.norm))) continue
    const head = phrase[phrase.length - 1]
    if (!singularCountNoun(head.norm)) continue
    const plural = pluralOf(head.norm)
    found.push({
      start: head.start,
      end: head.end,
      message: `${quote(head.text)} should be plural after ${quote(doc.text.slice(t[i].start, t[i + 2].end))}; write ${quote(plural)}`,
      expected: [plural]
    })
  }
}

function singularCountNoun(word: string): boolean {
  if (!/^[a-z][a-z-]*$/.test(word) || word.endsWith('s') || oneOfExempt.has(word) || adjectivalOr.has(word)) return false
  if (oneOfNouns.has(word)) return true
  return /(tion|sion|ment|ity|ist|ship|ence|ance|er|or)$/.test(word) && !/(ness|ing)$/.test(word)
}

function pluralOf(word: string): string {
  if (Object.hasOwn(irregularPlural, word)) return irregularPlural[word]
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies'
  if (/(s|x|z|ch|sh)$/.test(word)) return word + 'es'
  return word + 's'
}

const finishedPeriods = new Set(['year', 'summer', 'winter', 'spring', 'fall', 'autumn', 'semester', 'month', 'week', 'term', 'weekend', 'night'])
const agoUnits = new Set(['years', 'year', 'months', 'month', 'weeks', 'week', 'days', 'day', 'decades', 'decade'])
const unfinished = ['since', 'ever', 'so far', 'to date', 'till date', 'till now', 'until now', 'up to now', 'up till now', 'for the past', 'over the past', 'for the last', 'over the last', 'in the past', 'in the last', 'during the last', 'during the past', 'recently', 'this year', 'these years']
const clauseBreaks = new Set(['and', 'but', 'while', 'whereas', 'which', 'who', 'although', 'though', 'because', 'since', 'where', 'so', 'yet', 'after', 'before', 'until', 'till', 'whom', 'that'])
const perfectAux = new Set(['have', 'has', "'ve", "i've", "we've", "they've", "you've"])
const between = new Set(['also', 'already', 'successfully', 'just', 'never', 'first', 'actively', 'extensively', 'previously', 'even', 'not', 'personally', 'independently', 'further', 'additionally'])
// A year is a finished time only once it is over ("I have been invited to speak in 2031").
const thisYear = () => new Date().getFullYear()
const modals = new Set(['would', 'could', 'should', 'must', 'might', 'may', 'will', "'d", 'to', 'can', 'shall'])

// "In 2019 I have completed" -> "completed": the present perfect with a finished past time.
function presentPerfect(doc: Doc, sentence: Sentence, found: Report[]): void {
  const t = sentence.tokens
  const markers: Array<[number, number]> = []
  for (let i = 0; i < t.length; i++) {
    const w = t[i].norm
    const prev = t[i - 1]?.norm
    if (w === 'yesterday') markers.push([i, i])
    else if (w === 'last' && finishedPeriods.has(t[i + 1]?.norm ?? '') && !['the', 'this', 'past', 'these', 'over'].includes(prev ?? '')) markers.push([i, i + 1])
    else if (w === 'ago' && agoUnits.has(prev ?? '')) markers.push([i - 2, i])
    else if (w.length !== 4) continue
    else if (/^(19[5-9]\d|20\d\d)$/.test(w) && prev === 'in' && Number(w) < thisYear() && t[i + 1]?.norm !== '-') markers.push([i - 1, i])
    // "in the year 2022", the same finished time in a longer form.
    else if (/^(19[5-9]\d|20\d\d)$/.test(w) && prev === 'year' && t[i - 2]?.norm === 'the' && t[i - 3]?.norm === 'in' && Number(w) < thisYear()) markers.push([i - 3, i])
    else if (w === 'when' && t[i + 1]?.norm === 'i' && t[i + 2]?.norm === 'was') markers.push([i, i + 2])
  }
  // Most sentences have no finished time: the test for an unfinished one comes after.
  if (markers.length === 0) return
  const text = ' ' + t.map((x) => x.norm).join(' ') + ' '
  if (unfinished.some((u) => text.includes(` ${u} `))) return
  for (let i = 0; i < t.length; i++) {
    if (!perfectAux.has(t[i].norm) || modals.has(t[i - 1]?.norm ?? '')) continue
    let j = i + 1
    while (j < t.length && between.has(t[j].norm)) j++
    const participle = t[j]
    if (!participle || participle.kind !== 'word' || t[j - 1].norm === 'not') continue
    const past = participle.norm === 'been' ? '' : participles.get(participle.norm) ?? (/^[a-z]{3,}ed$/.test(participle.norm) ? participle.norm : undefined)
    if (past === undefined) continue
    const marker = markers.find(([a, b]) => sameClause(t, Math.min(a, i), Math.max(b, j)))
    if (!marker) continue
    const when = doc.text.slice(t[marker[0]].start, t[marker[1]].end)
    const actual = doc.text.slice(t[i].start, participle.end)
    const rest = t.slice(i + 1, j).map((x) => x.text)
    const expected = past === '' ? [] : [[...rest, sameCase(participle.text, past)].join(' ')]
    found.push({
      start: t[i].start,
      end: participle.end,
      message: `${quote(actual)} is present perfect, which does not go with a finished time such as ${quote(when)}; write the simple past`,
      expected
    })
  }
}

function sameClause(t: Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    if (t[k].kind === 'punct' && /^[;:—–]$/.test(t[k].norm)) return false
    if (clauseBreaks.has(t[k].norm)) return false
  }
  return true
}

// "the lab and it's members" -> "its".
function itsPossessive(doc: Doc, sentence: Sentence, found: Report[]): void {
  const t = sentence.tokens
  for (let i = 0; i + 1 < t.length; i++) {
    if (t[i].norm !== "it's" || t[i + 1].kind !== 'word' || !itsNouns.has(t[i + 1].norm)) continue
    // A cleft sentence: "it's members of the public who benefit".
    if (t[i + 1].norm !== 'own' && ['of', 'who', 'that', 'which'].includes(t[i + 2]?.norm ?? '')) continue
    const fix = sameCase(t[i].text, 'its')
    found.push({start: t[i].start, end: t[i].end, message: `${quote(t[i].text)} means "it is"; write ${quote(fix)} for the possessive`, expected: [fix]})
  }
}

// "The reason I applied is because" -> "is that".
function reasonBecause(doc: Doc, sentence: Sentence, found: Report[]): void {
  const t = sentence.tokens
  const reason = t.findIndex((x) => x.norm === 'reason' || x.norm === 'reasons')
  if (reason < 0) return
  for (let i = reason + 1; i + 1 < t.length; i++) {
    if (!['is', 'was', 'are', 'were'].includes(t[i].norm) || t[i + 1].norm !== 'because') continue
    found.push({
      start: t[i].start,
      end: t[i + 1].end,
      message: `${quote(doc.text.slice(t[i].start, t[i + 1].end))} repeats the idea of ${quote(t[reason].text)}; write ${quote(t[i].text + ' that')}`,
      expected: [t[i].text + ' that']
    })
    return
  }
}

const passForms = new Map([
  ['pass', 'graduate'],
  ['passed', 'graduated'],
  ['passing', 'graduating'],
  ['passes', 'graduates']
])
const schoolWords = new Set(['college', 'school', 'university', 'institute', 'institution', 'iit', 'nit', 'engineering', 'b.tech', 'btech', 'degree', 'batch', 'class', 'academy', 'polytechnic', 'b.e.', 'b.sc', 'b.sc.', 'bsc', 'm.tech', 'mtech'])

const faint = new Set(['heat', 'exhaustion', 'fatigue', 'pain', 'dehydration', 'shock', 'hunger', 'cold', 'blood', 'drinking', 'drunk', 'tiredness', 'stress'])

// "I passed out of college in 2019" -> "graduated from"; "passed out from the heat" is left alone.
function passedOut(doc: Doc, sentence: Sentence, found: Report[]): void {
  const t = sentence.tokens
  for (let i = 0; i + 2 < t.length; i++) {
    const verb = passForms.get(t[i].norm)
    if (!verb || t[i + 1].norm !== 'out') continue
    // "passed out with distinction / in first class" is the graduation sense too.
    if (t[i + 2].norm === 'with' && ['distinction', 'honours', 'honors', 'merit'].includes(t[i + 3]?.norm ?? '')) {
      const fix = sameCase(t[i].text, verb)
      found.push({start: t[i].start, end: t[i + 1].end, message: `${quote(doc.text.slice(t[i].start, t[i + 1].end))} means fainted in most varieties of English; write ${quote(fix)}`, expected: [fix]})
      continue
    }
    if (!['of', 'from', 'in'].includes(t[i + 2].norm)) continue
    const ahead = t.slice(i + 3, i + 9)
    if (!ahead.some((x) => schoolWords.has(x.norm) || /^(19[5-9]\d|20\d\d)$/.test(x.norm))) continue
    if (ahead.some((x) => faint.has(x.norm))) continue
    const withOf = t[i + 2].norm === 'of'
    const end = withOf ? t[i + 2].end : t[i + 1].end
    const fix = sameCase(t[i].text, verb) + (withOf ? ' from' : '')
    found.push({
      start: t[i].start,
      end,
      message: `${quote(doc.text.slice(t[i].start, end))} means fainted in most varieties of English; write ${quote(fix)}`,
      expected: [fix]
    })
  }
}

// "Although I was tired, but I finished" -> drop "but".
function althoughBut(doc: Doc, sentence: Sentence, found: Report[]): void {
  const words = sentence.words
  const first = words[0]?.norm === 'even' ? words[1] : words[0]
  if (!first || (first.norm !== 'although' && first.norm !== 'though')) return
  const t = sentence.tokens
  for (let i = 1; i + 1 < t.length; i++) {
    if (t[i].norm !== 'but' || t[i - 1].norm !== ',') continue
    found.push({
      start: t[i].start,
      end: t[i + 1].start,
      message: `${quote(t[i].text)} repeats the contrast that ${quote(first.text)} already makes; delete it`,
      expected: ['']
    })
    return
  }
}
