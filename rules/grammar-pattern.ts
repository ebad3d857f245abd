// Grammar slips that word classes reveal, each a small pattern with its exceptions (word lists
// and examples in rules/data/grammar-pattern.yml):
//
// - relative-agreement: a plural noun, "that/which/who" and a verb in -s ("the tools that makes");
// - subject-verb: "he/she/it" and a bare verb ("he always write");
// - participle: a past tense after "have" or "was" ("I have wrote"), a participle as a past ("I begun");
// - uncountable-article: "a/an" before an uncountable noun ("a valuable feedback");
// - each-plural: "each/every" and a plural noun ("every students");
// - progressive-span: a present progressive with a span of time ("I am teaching since 2020");
// - i-and: "I and my friend".
//
// "one of the" + a singular noun and the present perfect with a finished time are grammar-slip's.
// The first two and each-plural need to know whether a word is a verb or a noun: only sentences
// that a cheap test on their words picks out are tagged, by wink-nlp's part-of-speech tagger,
// which is loaded through the data loader only when a text has such a sentence.
import data from './data/grammar-pattern.yml'
import {defineData} from '../src/core/data.ts'
import {defineRule, type Report} from '../src/core/rule.ts'
import type {Doc, Sentence, Token} from '../src/core/types.ts'
import type {Tag, Tagged} from './data/tagger.ts'
import {quote} from './util.ts'

interface PatternData {
  patterns: Record<string, {examples: string[]; allows: string[]}>
  uncountable: string[]
  singularS: string[]
  participles: Record<string, string>
  pastForParticiple: Record<string, string>
  adverbs: string[]
  bareAfter: string[]
  notVerbs: string[]
  pastForms: string[]
  itVerbs: string[]
}

const lists = data as PatternData
const uncountable = new Set(lists.uncountable)
const singularS = new Set(lists.singularS)
const participles = new Map(Object.entries(lists.participles))
const pastForParticiple = new Map(Object.entries(lists.pastForParticiple))
const adverbs = new Set(lists.adverbs)
const bareAfter = new Set(lists.bareAfter)
const notVerbs = new Set(lists.notVerbs)
const pastForms = new Set(lists.pastForms)
const itVerbs = new Set(lists.itVerbs)
const relatives = new Set(['that', 'which', 'who'])
const subjects = new Set(['he', 'she', 'it'])

/** The examples of every pattern, for the tests. */
export const patternExamples = lists.patterns

// The cheap tests that pick out sentences for the tagger, on lower-case words in order. The same
// tests run on the raw text before linting (wanted()), so that the tagger is loaded only when some
// sentence will ask for it.
function pluralLike(w: string): boolean {
  return /^[a-z]{3,}s$/.test(w) && !w.endsWith('ss') && !w.endsWith('us') && !singularS.has(w)
}
// The noun may stand before a comma ("my parents, who runs"); a punctuation token is '' here.
function relativeTrigger(words: readonly string[], i: number): boolean {
  return relatives.has(words[i]) && pluralLike(words[i - 1] || words[i - 2] || '') && pluralLike(words[i + 1] ?? '') && !notVerbs.has(words[i + 1])
}
function subjectTrigger(words: readonly string[], i: number): number {
  if (!subjects.has(words[i]) || bareAfter.has(words[i - 1] ?? '')) return -1
  let j = i + 1
  if (adverbs.has(words[j])) j++
  const w = words[j]
  if (!w || !/^[a-z]{2,}$/.test(w) || notVerbs.has(w) || adverbs.has(w) || pastForms.has(w) || /(s|ed|ing|ly|en)$/.test(w) || participles.has(w)) return -1
  if (words[i] === 'it' && !itVerbs.has(w)) return -1
  return j
}
function eachTrigger(words: readonly string[], i: number): boolean {
  return (words[i] === 'each' || words[i] === 'every') && pluralLike(words[i + 1] ?? '')
}

// Read word by word, stopping at the first sentence that wants the tagger (usually near the
// start of a long text): listing every word of a 5 MB text first took a quarter of a second.
// Each test reads at most two words either side of its own, so the words are kept in windows.
function wanted(text: string): boolean {
  const re = /[a-z']+/g
  const lower = text.toLowerCase()
  let words: string[] = []
  let next = 0
  for (;;) {
    const m = re.exec(lower)
    if (m) words.push(m[0])
    const last = m ? words.length - 2 : words.length
    for (; next < last; next++) if (relativeTrigger(words, next) || subjectTrigger(words, next) >= 0 || eachTrigger(words, next)) return true
    if (!m) return false
    if (next > 4096) {
      words = words.slice(next - 2)
      next = 2
    }
  }
}

/** The tagger: loaded only for a text with a sentence that needs it. */
const taggerData = defineData<Tag, () => Tag>('tagger', () => import('./data/tagger.ts').then((m) => m.makeTagger), (make) => make(), wanted)

/** Slips of agreement, tense and number that a part-of-speech tagger and word lists reveal. */
export default defineRule({
  meta: {
    id: 'grammar-pattern',
    data: [taggerData],
    description: 'Grammar slips of agreement, tense and number ("the tools that makes", "he always write", "I have wrote", "a valuable feedback")',
    rationale:
      'Slips of agreement and tense are the errors a reader notices without looking for them, and each one costs the writer a little of the care the statement is meant to show. Each pattern is small, carries its exceptions ("news", "series", "let it go", "a good knowledge of"), and is tested on near misses; a part-of-speech tagger (wink-nlp) decides whether a word is a verb or a noun, and runs only on the sentences a cheap word test picks out.',
    defaultLevel: 'warn',
    fix: 'suggest',
    type: 'problem',
    example: {before: 'I have wrote two papers, and my advisor always explain the proofs twice.', after: 'I have written two papers, and my advisor always explains the proofs twice.'}
  },
  check({doc, report}) {
    for (const sentence of doc.sentences) {
      const t = sentence.tokens
      const words = t.map((x) => (x.kind === 'word' ? x.norm : ''))
      let tagged: Tagged[] | undefined
      const tags = (): Tagged[] | undefined => {
        if (!taggerData.ready) return undefined
        tagged ??= taggerData.get()(doc.text.slice(sentence.start, sentence.end)).map((w) => ({...w, start: w.start + sentence.start}))
        return tagged
      }
      for (let i = 0; i < t.length; i++) {
        if (t[i].kind !== 'word') continue
        if (relativeTrigger(words, i)) relativeAgreement(doc, t, i, tags(), report)
        const verb = subjectTrigger(words, i)
        if (verb >= 0) subjectVerb(doc, t, i, verb, tags(), report)
        if (eachTrigger(words, i)) eachPlural(doc, t, i, tags(), report)
        participle(doc, t, i, report)
        uncountableArticle(doc, t, i, report)
        progressiveSpan(doc, sentence, i, report)
        iAnd(doc, t, i, report)
      }
    }
  }
})

function tagAt(tags: Tagged[] | undefined, token: Token): Tagged | undefined {
  return tags?.find((w) => w.start === token.start)
}

// "the tools that makes" -> "make": the verb agrees with the plural noun before the relative.
function relativeAgreement(doc: Doc, t: Token[], i: number, tags: Tagged[] | undefined, report: (r: Report) => void): void {
  const n = t[i - 1].kind === 'word' ? i - 1 : i - 2
  // After a preposition the relative often belongs to an earlier noun ("a partition across
  // resources that satisfies", "one of the applications that runs"): left alone.
  for (let k = n - 1; k >= Math.max(0, n - 4) && t[k].kind === 'word' && t[k].norm !== 'and' && t[k].norm !== 'or'; k--) if (prepositions.has(t[k].norm) && t[k].norm !== 'to') return
  const noun = tagAt(tags, t[n])
  const verb = tagAt(tags, t[i + 1])
  if (!noun || !verb || noun.pos !== 'NOUN' || noun.lemma === t[n].norm) return
  // The tagger takes some verbs in -s for plural nouns ("who lives in", "which controls how"); a
  // word after the relative that is followed by a determiner, pronoun or preposition is a verb.
  const next = t[i + 2]
  const verbByPlace = verb.pos === 'NOUN' && next?.kind === 'word' && (prepositions.has(next.norm) || /^(the|a|an|my|our|his|her|their|its|me|us|them|him|how|what|why|when|where|whether|this|these|those)$/.test(next.norm))
  if ((verb.pos !== 'VERB' && !verbByPlace) || verb.lemma === t[i + 1].norm || /^(be|have|do)$/.test(verb.lemma)) return
  const base = verb.pos === 'VERB' ? verb.lemma : baseOf(t[i + 1].norm)
  report({
    start: t[i + 1].start,
    end: t[i + 1].end,
    message: `${quote(t[i + 1].text)} does not agree with the plural ${quote(t[n].text)}; write ${quote(base)}`,
    expected: [base]
  })
}

function baseOf(verb: string): string {
  if (verb.endsWith('ies')) return verb.slice(0, -3) + 'y'
  if (/(ss|x|z|ch|sh|o)es$/.test(verb)) return verb.slice(0, -2)
  return verb.slice(0, -1)
}

const prepositions = new Set(['of', 'in', 'on', 'for', 'with', 'across', 'over', 'from', 'to', 'by', 'at', 'among', 'between', 'into', 'through', 'under', 'about', 'within', 'without', 'like'])

// "he always write" -> "writes".
function subjectVerb(doc: Doc, t: Token[], i: number, v: number, tags: Tagged[] | undefined, report: (r: Report) => void): void {
  // A capital inside a sentence is a name ("He initialization"), not the pronoun.
  if (t[i].text !== t[i].norm && t[i].sentence.words[0] !== t[i]) return
  const verb = tagAt(tags, t[v])
  if (!verb || verb.pos !== 'VERB' || verb.lemma !== t[v].norm) return
  // A subject in a question or after a conjunction of its own ("if he"): the tagger calls those verbs too.
  const after = t[v + 1]
  if (after && after.kind === 'punct' && after.norm === '?') return
  const third = thirdPerson(t[v].text)
  report({
    start: t[v].start,
    end: t[v].end,
    message: `${quote(t[v].text)} does not agree with ${quote(t[i].text)}; write ${quote(third)}`,
    expected: [third]
  })
}

function thirdPerson(verb: string): string {
  if (/[^aeiou]y$/.test(verb)) return verb.slice(0, -1) + 'ies'
  if (/(s|x|z|ch|sh|o)$/.test(verb)) return verb + 'es'
  return verb + 's'
}

// "every students" -> "every student".
function eachPlural(doc: Doc, t: Token[], i: number, tags: Tagged[] | undefined, report: (r: Report) => void): void {
  const noun = tagAt(tags, t[i + 1])
  if (!noun || noun.pos !== 'NOUN' || noun.lemma === t[i + 1].norm) return
  if (t[i + 2]?.norm === "'" || t[i + 2]?.norm === '’') return
  report({
    start: t[i + 1].start,
    end: t[i + 1].end,
    message: `${quote(t[i].text)} takes a singular noun; write ${quote(noun.lemma)}`,
    expected: [noun.lemma]
  })
}

const perfectAux = new Set(['have', 'has', 'had', 'having', "'ve", "i've", "we've", "they've", "'d"])
const passiveAux = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be'])
const pronounSubjects = new Set(['i', 'we', 'they', 'you', 'he', 'she'])

// "I have wrote" -> "written"; "I begun" -> "began".
function participle(doc: Doc, t: Token[], i: number, report: (r: Report) => void): void {
  const w = t[i].norm
  const aux = t[i - 1]?.norm
  const aux2 = adverbs.has(aux ?? '') ? t[i - 2]?.norm : undefined
  const right = participles.get(w)
  if (right && [aux, aux2].some((a) => a !== undefined && (perfectAux.has(a) || passiveAux.has(a)))) {
    // "had" + past may be a separate verb ("the results I had went into"): only when the aux is right after a subject or an adverb.
    if (w === 'ran' && (aux === 'is' || aux === 'are')) return
    report({start: t[i].start, end: t[i].end, message: `${quote(t[i].text)} is the past tense; after ${quote(t[aux2 ? i - 2 : i - 1].text)} write the participle ${quote(right)}`, expected: [right]})
    return
  }
  const past = pastForParticiple.get(w)
  if (past && (pronounSubjects.has(aux ?? '') || (aux2 && pronounSubjects.has(aux2)))) {
    if (t[i + 1]?.norm === 'with' || t[i + 1]?.kind === 'punct') return
    // A question: "What have I done".
    const before = t[aux2 ? i - 3 : i - 2]?.norm ?? ''
    if (perfectAux.has(before) || modalsAndDo.has(before)) return
    report({start: t[i].start, end: t[i].end, message: `${quote(t[i].text)} is a participle and needs "have" before it; write ${quote(past)} or ${quote('have ' + w)}`, expected: [past, `have ${w}`]})
  }
}

const modalsAndDo = new Set(['do', 'does', 'did', 'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'am'])
// Adjectives in -ing that stand before a noun; other -ing words there are verbs ("an undergraduate doing research").
const ingAdjectives = new Set(['interesting', 'exciting', 'challenging', 'promising', 'pioneering', 'outstanding', 'ongoing', 'groundbreaking', 'amazing', 'inspiring', 'rewarding', 'demanding', 'encouraging', 'lasting', 'thriving', 'cutting-edge'])
const uncountableNext = new Set(['of', 'on', 'in', 'for', 'at', 'about', 'from', 'to', 'and', 'that', 'which', 'with', 'is', 'was', 'by', 'during', 'regarding', 'into', 'as'])
const notAdjectives = new Set(['lot', 'bit', 'piece', 'great', 'good', 'little', 'few', 'kind', 'sort', 'type', 'form', 'part'])

// "a valuable feedback on" -> "valuable feedback on": no article before an uncountable noun.
function uncountableArticle(doc: Doc, t: Token[], i: number, report: (r: Report) => void): void {
  if (t[i].norm !== 'a' && t[i].norm !== 'an') return
  for (let j = i + 1; j <= i + 3 && j < t.length; j++) {
    const w = t[j]
    if (w.kind !== 'word') return
    if (!uncountable.has(w.norm)) {
      // Up to two modifiers may stand between: "an important research", "a very useful advice".
      if (notVerbs.has(w.norm) || notAdjectives.has(w.norm) || /^\p{Lu}/u.test(w.text) || w.norm.endsWith('s')) return
      if (w.norm.endsWith('ing') && !ingAdjectives.has(w.norm)) return
      continue
    }
    // "a Research and Transformation leader": a capital inside a sentence is a title.
    if (w.text !== w.norm && t[i].sentence.words[0] !== t[i]) return
    const next = t[j + 1]
    if (next && next.kind === 'word' && !uncountableNext.has(next.norm)) return
    if (next && next.kind === 'punct' && /^[-'’]$/.test(next.norm)) return
    const phrase = doc.text.slice(t[i + 1].start, w.end)
    report({
      start: t[i].start,
      end: w.end,
      message: `${quote(w.text)} is uncountable and takes no ${quote(t[i].text)}; write ${quote(phrase)}, or count it (\`a piece of ${w.norm}\`)`,
      expected: [phrase]
    })
    return
  }
}

const spanUnits = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'decade', 'decades', 'semester', 'semesters'])
const numberWords = /^(\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a|few|the|last|past)$/
const sinceObjects = /^(\d{4}|then|childhood|high|my|the|last|january|february|march|april|may|june|july|august|september|october|november|december|school|college|university)$/
const beForms = new Set(['am', 'is', 'are', "i'm", "'m", "'re", "'s"])

// "I am teaching since 2020" -> "I have been teaching since 2020".
function progressiveSpan(doc: Doc, sentence: Sentence, i: number, report: (r: Report) => void): void {
  const t = sentence.tokens
  if (!beForms.has(t[i].norm)) return
  let j = i + 1
  if (adverbs.has(t[j]?.norm ?? '')) j++
  const ing = t[j]
  if (!ing || !/^[a-z]{2,}ing$/.test(ing.norm) || /^(interest|amaz|excit|fascinat|challeng|interesting|going)/.test(ing.norm)) return
  for (let k = j + 1; k < t.length; k++) {
    if (t[k].kind === 'punct' && /^[,;:.—–]$/.test(t[k].norm)) return
    const w = t[k].norm
    const since = w === 'since' && sinceObjects.test(t[k + 1]?.norm ?? '')
    const unit = w === 'for' && numberWords.test(t[k + 1]?.norm ?? '') ? [k + 2, k + 3].find((u) => spanUnits.has(t[u]?.norm ?? '')) : undefined
    if (!since && unit === undefined) continue
    const spanEnd = t[unit ?? k + 1].end
    const be = t[i].norm
    const have = be === 'is' || be === "'s" ? 'has been' : 'have been'
    const start = t[i].start
    report({
      start,
      end: ing.end,
      message: `${quote(doc.text.slice(start, ing.end))} is present progressive, which does not go with ${quote(doc.text.slice(t[k].start, spanEnd))}; write ${quote(`${have} ${ing.text}`)}`,
      expected: /^(am|is|are)$/.test(be) ? [`${have} ${doc.text.slice(t[i + 1].start, ing.end)}`] : []
    })
    return
  }
}

// "I and my friend" -> "my friend and I".
function iAnd(doc: Doc, t: Token[], i: number, report: (r: Report) => void): void {
  if (t[i].text !== 'I' || t[i + 1]?.norm !== 'and') return
  const next = t[i + 2]
  if (!next || !/^(my|our|a|two|three|several|some|the|his|her|their|another|other|fellow)$/.test(next.norm)) return
  const prev = t[i - 1]
  if (prev && prev.kind === 'word' && !/^(in|at|on|then|later|together|so|after|before|when|first|since|once|year|summer)$/.test(prev.norm)) return
  report({
    start: t[i].start,
    end: t[i + 1].end,
    message: `${quote('I and')} puts the writer first; name the others first and write "... and I"`
  })
}
