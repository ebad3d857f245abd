// Grammar slips that word classes reveal, each a small pattern with its exceptions (word lists
// and examples in rules/data/grammar-pattern.yml):
//
// - relative-agreement: a plural noun, "that/which/who" and a verb in -s ("the tools that makes");
// - subject-verb: "he/she/it" and a bare verb ("he always write");
// - participle: a past tense after "have" or "was" ("I have wrote"), a participle as a past ("I begun");
// - uncountable-article: "a/an" before an uncountable noun ("a valuable feedback");
// - each-plural: "each/every" and a plural noun ("every students");
// - progressive-span: a present progressive with a span of time ("I am teaching since 2020");
// - i-and: "I and my friend";
// - bare-after-modal: a past or -s form where a bare verb belongs: after a modal ("I would liked"),
//   "did not" ("did not went") or "to" after a verb that takes an infinitive ("decided to went");
// - be-bare: a bare verb after "be" ("it is make me", "are being build");
// - pronoun-ing: a subject pronoun and an -ing verb with no "be" ("while we uncovering");
// - plural-subject: a plural noun phrase and "is/was/has" ("my research interests is");
// - noun-adverb-bare: a singular noun, an adverb and a bare verb ("my advisor always remind");
// - there-plural: "there is/was" before a plural quantity ("there is many reasons");
// - number-of: "6 million of students";
// - year-preposition: "at 2015", "on 2019" for "in";
// - indirect-question: a question's word order inside a statement ("I wonder why am I here").
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
  infinitiveVerbs: string[]
  sameParticiple: string[]
  baseParticiples: Record<string, string>
  collectives: string[]
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
const infinitiveVerbs = new Set(lists.infinitiveVerbs.flatMap(forms))
const sameParticiple = new Set(lists.sameParticiple)
const baseParticiples = new Map(Object.entries(lists.baseParticiples))
const participleForms = new Set([...baseParticiples.values(), ...participles.values()])
const collectives = new Set(lists.collectives)
const relatives = new Set(['that', 'which', 'who'])
const subjects = new Set(['he', 'she', 'it', 'everyone', 'everybody', 'someone', 'somebody', 'nobody', 'anybody'])
const modals = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must'])
const negatedDo = new Set(["don't", "doesn't", "didn't", 'dont', 'doesnt', 'didnt'])
const doForms = new Set(['do', 'does', 'did'])
const beAll = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being'])
const objectStarts = new Set(['me', 'us', 'them', 'him', 'the', 'a', 'an', 'my', 'our', 'their', 'his', 'your', 'this', 'these', 'those'])
const ingSubjects = new Set(['i', 'we', 'they', 'he', 'she'])
const pluralDeterminers = new Set(['my', 'our', 'his', 'her', 'their', 'your', 'the', 'these', 'those', 'its'])
const singularVerbs: Record<string, string> = {is: 'are', was: 'were', has: 'have', does: 'do', "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't"}
const clauseOpeners = new Set(['and', 'but', 'because', 'while', 'when', 'since', 'so', 'that', 'which', 'although', 'though', 'as', 'if', 'where', 'whereas'])
const whWords = new Set(['why', 'what', 'how', 'where', 'when'])
const questionAux = new Set(['am', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'have', 'has'])
const questionSubjects = new Set(['i', 'we', 'they', 'he', 'she', 'you', 'it'])
const notIng = new Set(['thing', 'nothing', 'something', 'anything', 'everything', 'during', 'morning', 'evening', 'king', 'ring', 'spring', 'string', 'bring', 'sing', 'wing', 'sibling', 'ceiling', 'being', 'having', 'darling', 'cling', 'swing', 'sting', 'bling', 'fling', 'sling'])
const numberWords1 = /^(\d+(\.\d+)?|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few)$/
const bigNumbers = new Set(['hundred', 'thousand', 'million', 'billion', 'dozen', 'lakh', 'crore'])
const ofDeterminers = new Set(['the', 'these', 'those', 'my', 'our', 'their', 'his', 'her', 'its', 'your', 'them', 'us', 'whom', 'which', 'this', 'that', 'it', 'all', 'each'])
const pluralQuantities = /^(many|few|several|numerous|various|multiple|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions|([2-9]|\d\d+))$/
// Plurals that count or sort what follows: "lots of work is", "kinds of data are".
const quantityNouns = new Set(['lots', 'plenty', 'tons', 'kinds', 'sorts', 'types', 'pairs', 'couples', 'groups', 'sets', 'series', 'means', 'years', 'months', 'weeks', 'hours', 'days', 'minutes', 'thousands', 'hundreds', 'millions', 'dozens', 'bits', 'pieces', 'parts', 'lines', 'pages', 'words'])
const thereAdverbs = new Set(['relatively', 'very', 'so', 'too', 'quite', 'surprisingly', 'only', 'still', 'already', 'also', 'always'])

/** A verb's forms: "decide" gives "decide", "decides", "decided", "deciding". */
function forms(verb: string): string[] {
  if (!/^[a-z]+$/.test(verb) || verb === 'able' || verb === 'unable' || verb === 'eager' || verb === 'going' || verb === 'used') return [verb]
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb
  const y = /[^aeiou]y$/.test(verb) ? verb.slice(0, -1) : undefined
  return [verb, y ? y + 'ies' : /(s|x|ch|sh)$/.test(verb) ? verb + 'es' : verb + 's', y ? y + 'ied' : stem + 'ed', stem + 'ing']
}

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
// "the dashboards that was used": a plural right before the relative, and "is/was/has" after it.
function relativeBeTrigger(words: readonly string[], i: number): boolean {
  return relatives.has(words[i]) && pluralLike(words[i - 1] ?? '') && !notVerbs.has(words[i - 1]) && (words[i + 1] ?? '') in singularVerbs && words[i + 2] !== '' && words[i + 2] !== undefined
}
// "my supervisor, who have twenty years": a singular noun, the relative and "have/are/were/do".
const pluralVerbs: Record<string, string> = {have: 'has', are: 'is', were: 'was', do: 'does', "don't": "doesn't", "haven't": "hasn't", "aren't": "isn't", "weren't": "wasn't"}
function relativeSingularTrigger(words: readonly string[], i: number): boolean {
  if (!relatives.has(words[i]) || !((words[i + 1] ?? '') in pluralVerbs)) return false
  const n = words[i - 1] || words[i - 2] || ''
  return /^[a-z]{3,}$/.test(n) && !n.endsWith('s') && !notVerbs.has(n) && !collectives.has(n) && !/^(one|none|many|few|all|both|those|these|some|most|people|children|men|women|staff|police|data|media|you|i|we|they)$/.test(n)
}
function subjectTrigger(words: readonly string[], i: number): number {
  if (!subjects.has(words[i]) || bareAfter.has(words[i - 1] ?? '')) return -1
  let j = i + 1
  if (adverbs.has(words[j]) || /^[a-z]{3,}ly$/.test(words[j] ?? '')) j++
  const w = words[j]
  if (!w || !/^[a-z]{2,}$/.test(w) || notVerbs.has(w) || adverbs.has(w) || pastForms.has(w) || /(s|ed|ing|ly|en)$/.test(w) || participles.has(w)) return -1
  if (words[i] === 'it' && !itVerbs.has(w)) return -1
  return j
}
function eachTrigger(words: readonly string[], i: number): boolean {
  return (words[i] === 'each' || words[i] === 'every') && pluralLike(words[i + 1] ?? '')
}

// The word after a modal, "did not" or a verb's "to" that may be a past or -s form ("would liked").
function bareSlot(words: readonly string[], i: number): number {
  const w = words[i]
  let j = i + 1
  if (modals.has(w)) {
    if (/^(the|a|an|his|her|my|their|our|your|free|good|own|political|its)$/.test(words[i - 1] ?? '')) return -1
    if (words[j] === 'not') j++
  } else if (negatedDo.has(w)) {
    // nothing between
  } else if (doForms.has(w)) {
    if (words[j] !== 'not') return -1
    j++
  } else if (w === 'to') {
    // "decided to", "helped me to".
    if (!infinitiveVerbs.has(words[i - 1] ?? '') && !(/^(me|us|them|him|her|you)$/.test(words[i - 1] ?? '') && infinitiveVerbs.has(words[i - 2] ?? ''))) return -1
  } else return -1
  if (adverbs.has(words[j] ?? '')) j++
  const v = words[j] ?? ''
  if (participles.has(v) || pastForParticiple.has(v)) return j
  if (/^[a-z]{3,}ed$/.test(v) && !/eed$/.test(v)) return j
  if (w !== 'to' && pluralLike(v) && !notVerbs.has(v)) return j
  return -1
}
// A bare verb after "be": right after "being/been", or before an object ("is make me").
function beBareTrigger(words: readonly string[], i: number): number {
  if (!beAll.has(words[i])) return -1
  const v = words[i + 1] ?? ''
  if (!/^[a-z]{3,}$/.test(v) || /(ed|en|ing|ly|s)$/.test(v) || notVerbs.has(v) || sameParticiple.has(v) || participles.has(v) || pastForms.has(v) || participleForms.has(v)) return -1
  // After "being/been" adjectives and nouns are common ("been invaluable", "being able"): only a
  // verb with an irregular participle ("being build"), or any word before "by" ("was collect by").
  if (words[i + 2] === 'by') return i + 1
  if (words[i] === 'being' || words[i] === 'been') return baseParticiples.has(v) ? i + 1 : -1
  return objectStarts.has(words[i + 2] ?? '') && (baseParticiples.has(v) || /^(me|us|them|him)$/.test(words[i + 2] ?? '')) ? i + 1 : -1
}
function ingTrigger(words: readonly string[], i: number): number {
  if (!ingSubjects.has(words[i]) || beAll.has(words[i - 1] ?? '') || questionAux.has(words[i - 1] ?? '') || modals.has(words[i - 1] ?? '')) return -1
  let j = i + 1
  if (adverbs.has(words[j] ?? '')) j++
  const v = words[j] ?? ''
  return /^[a-z]{2,}ing$/.test(v) && !notIng.has(v) ? j : -1
}
// "my research interests is": a plural word before "is/was/has", a determiner up to three words before.
function pluralSubjectTrigger(words: readonly string[], i: number): boolean {
  if (!(words[i] in singularVerbs) || !pluralLike(words[i - 1] ?? '') || notVerbs.has(words[i - 1])) return false
  for (let k = i - 2; k >= i - 4 && k >= 0; k--) if (pluralDeterminers.has(words[k])) return opensClause(words, k)
  return false
}
// "the findings of my thesis was": a plural, "of" and a short phrase before "is/was/has".
function pluralOfTrigger(words: readonly string[], i: number): number {
  if (!(words[i] in singularVerbs)) return -1
  for (let k = i - 2; k >= i - 4 && k >= 2; k--) {
    if (words[k] === '') return -1
    if (words[k] !== 'of') continue
    const n = k - 1
    if (!pluralLike(words[n]) || notVerbs.has(words[n]) || quantityNouns.has(words[n])) return -1
    for (let d = n - 1; d >= n - 3 && d >= 0; d--) if (pluralDeterminers.has(words[d])) return opensClause(words, d) ? n : -1
    return -1
  }
  return -1
}
/** Whether the word at k opens a clause: first, after punctuation, or after a conjunction. */
function opensClause(words: readonly string[], k: number): boolean {
  return k === 0 || words[k - 1] === '' || clauseOpeners.has(words[k - 1])
}
// "my advisor always remind": a determiner, a noun, an adverb and a word that may be a bare verb.
function nounAdverbTrigger(words: readonly string[], i: number): boolean {
  if (!adverbs.has(words[i]) || !pluralDeterminers.has(words[i - 2] ?? '') || !opensClause(words, i - 2)) return false
  const n = words[i - 1] ?? ''
  const v = words[i + 1] ?? ''
  return /^[a-z]{3,}$/.test(n) && !n.endsWith('s') && !collectives.has(n) && /^[a-z]{2,}$/.test(v) && !/(s|ed|ing|ly|en)$/.test(v) && !notVerbs.has(v) && !pastForms.has(v) && !participles.has(v)
}

// "My father own a pharmacy": a person named by a role, and a bare verb right after.
const personNouns = new Set(['father', 'mother', 'brother', 'sister', 'son', 'daughter', 'uncle', 'aunt', 'grandfather', 'grandmother', 'cousin', 'husband', 'wife', 'advisor', 'adviser', 'supervisor', 'mentor', 'teacher', 'professor', 'friend', 'manager', 'boss', 'colleague', 'tutor', 'coach', 'principal', 'roommate', 'classmate', 'neighbour', 'neighbor', 'instructor', 'lecturer'])
function personTrigger(words: readonly string[], i: number): boolean {
  if (!personNouns.has(words[i]) || !/^(my|his|her|our|their|your)$/.test(words[i - 1] ?? '') || !opensClause(words, i - 1)) return false
  const v = words[i + 1] ?? ''
  return /^[a-z]{2,}$/.test(v) && !/(s|ed|ing|ly|en)$/.test(v) && (!notVerbs.has(v) || v === 'own') && !pastForms.has(v) && !participles.has(v) && !adverbs.has(v)
}

// Read word by word, stopping at the first sentence that wants the tagger (usually near the
// start of a long text): listing every word of a 5 MB text first took a quarter of a second.
// Punctuation stands as '' between the words, as in the check, so that the tests that ask for
// the start of a clause ("..., me and my team") see it here too. No test reads more than nine
// words before its own or three after, so the words are kept in windows.
function wanted(text: string): boolean {
  const re = /[a-z']+|\d+|[.,;:!?]/g
  const lower = text.toLowerCase()
  let words: string[] = []
  let next = 0
  for (;;) {
    const m = re.exec(lower)
    if (m) words.push(/^[.,;:!?]$/.test(m[0]) ? '' : m[0])
    const last = m ? words.length - 4 : words.length
    for (; next < last; next++) if (wantedAt(words, next)) return true
    if (!m) return false
    if (next > 4096) {
      words = words.slice(next - 12)
      next = 12
    }
  }
}
function wantedAt(words: readonly string[], i: number): boolean {
  return relativeTrigger(words, i) || relativeBeTrigger(words, i) || relativeSingularTrigger(words, i) || subjectTrigger(words, i) >= 0 || eachTrigger(words, i) ||
    personTrigger(words, i) || meAndTrigger(words, i) || bareSlot(words, i) >= 0 || beBareTrigger(words, i) >= 0 || ingTrigger(words, i) >= 0 || pluralSubjectTrigger(words, i) || pluralOfTrigger(words, i) >= 0 || nounAdverbTrigger(words, i)
}

/** The tagger: loaded only for a text with a sentence that needs it. */
const taggerData = defineData<Tag, () => Tag>('tagger', () => import('./data/tagger.ts').then((m) => m.makeTagger), (make) => make(), wanted)

/** Slips of agreement, tense and number that a part-of-speech tagger and word lists reveal. */
export default defineRule({
  meta: {
    id: 'grammar-pattern',
    data: [taggerData],
    description: 'Grammar slips of agreement, tense, verb form and word order ("the tools that makes", "he always write", "I have wrote", "I would liked", "there is many", "I wonder why am I here")',
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
      gerundSubject(doc, sentence, report)
      for (let i = 0; i < t.length; i++) {
        if (t[i].kind !== 'word') continue
        if (relativeTrigger(words, i)) relativeAgreement(doc, t, i, tags(), report)
        if (relativeBeTrigger(words, i)) relativeBe(doc, t, i, tags(), report)
        if (relativeSingularTrigger(words, i)) relativeSingular(doc, t, i, tags(), report)
        const verb = subjectTrigger(words, i)
        if (verb >= 0) subjectVerb(doc, t, i, verb, tags(), report)
        if (eachTrigger(words, i)) eachPlural(doc, t, i, tags(), report)
        participle(doc, t, i, report)
        uncountableArticle(doc, t, i, report)
        progressiveSpan(doc, sentence, i, report)
        iAnd(doc, t, i, report)
        roleArticle(doc, t, i, report)
        if (meAndTrigger(words, i)) meAnd(doc, t, i, tags(), report)
        const slot = bareSlot(words, i)
        if (slot >= 0) bareAfterModal(doc, t, i, slot, tags(), report)
        const bare = beBareTrigger(words, i)
        if (bare >= 0) beBare(doc, t, i, bare, tags(), report)
        const ing = ingTrigger(words, i)
        if (ing >= 0) pronounIng(doc, t, i, ing, tags(), report)
        if (pluralSubjectTrigger(words, i)) pluralSubject(doc, t, i, i - 1, tags(), report)
        else {
          const head = pluralOfTrigger(words, i)
          if (head >= 0) pluralSubject(doc, t, i, head, tags(), report)
        }
        if (nounAdverbTrigger(words, i)) nounAdverbBare(doc, t, i, tags(), report)
        // "My father own": the same check with no adverb between, for a person's role.
        if (personTrigger(words, i)) nounAdverbBare(doc, t, i + 1, tags(), report, true)
        therePlural(doc, t, i, report)
        numberOf(doc, t, i, report)
        yearPreposition(doc, t, i, report)
        indirectQuestion(doc, sentence, i, report)
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
// Uncountable nouns that "a piece of" counts; "a piece of importance" is no English.
const pieceable = new Set(['research', 'feedback', 'advice', 'information', 'equipment', 'homework', 'evidence', 'software', 'hardware', 'machinery', 'furniture', 'luggage', 'baggage', 'news'])
const notAdjectives = new Set(['lot', 'bit', 'piece', 'little', 'few', 'kind', 'sort', 'type', 'form', 'part'])

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
      message: `${quote(w.text)} is uncountable and takes no ${quote(t[i].text)}; write ${quote(phrase)}${pieceable.has(w.norm) ? `, or count it (\`a piece of ${w.norm}\`)` : ''}`,
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

// "By leading the group, me and my team managed" -> "my team and I": "me" as a subject.
function meAndTrigger(words: readonly string[], i: number): boolean {
  return words[i] === 'me' && words[i + 1] === 'and' && (i === 0 || words[i - 1] === '') && /^(my|our|a|two|three|several|some|the|his|her|their|another|other|fellow)$/.test(words[i + 2] ?? '')
}
function meAnd(doc: Doc, t: Token[], i: number, tags: Tagged[] | undefined, report: (r: Report) => void): void {
  // A subject: a finite verb follows the noun phrase before any punctuation ("Three of us went,
  // me and my brothers." has none).
  for (let k = i + 3; k < t.length && k <= i + 7; k++) {
    if (t[k].kind !== 'word') return
    const tag = tagAt(tags, t[k])
    if (!tag) return
    if (tag.pos === 'VERB' || tag.pos === 'AUX') {
      if (/ing$/.test(t[k].norm)) return
      const others = doc.text.slice(t[i + 2].start, t[k - 1].end)
      report({
        start: t[i].start,
        end: t[k - 1].end,
        message: `${quote('me')} cannot be the subject; write ${quote(`${others} and I`)}`,
        expected: [`${/^\p{Lu}/u.test(t[i].text) ? others[0].toUpperCase() + others.slice(1) : others} and I`]
      })
      return
    }
  }
}

// "Having diverse peers are valuable" -> "is": a gerund subject is singular. Only gerunds that
// cannot be adjectives before a noun ("Existing methods are", "Working students are" are right).
const gerunds = new Set(['having', 'being', 'doing', 'making', 'taking', 'getting', 'giving', 'keeping', 'bringing', 'seeing', 'finding', 'helping', 'meeting', 'knowing', 'becoming'])
const gerundNext = /^(with|on|at|in|for|to|the|a|an|my|our|their|his|her|this|these|those|through|under|alongside|across|abroad|overseas|together|alone|others|people|children|patients)$/
const pluralBe: Record<string, string> = {are: 'is', were: 'was', "aren't": "isn't", "weren't": "wasn't"}
function gerundSubject(doc: Doc, sentence: Sentence, report: (r: Report) => void): void {
  const t = sentence.tokens
  const first = sentence.words[0]
  if (!first || t[0] !== first) return
  // A listed gerund, or any -ing word before a preposition or an object ("Working with designers"):
  // "Working students are" and "Existing methods are" have an adjective there, and are right.
  if (!gerunds.has(first.norm) && !(/^[a-z]{3,}ing$/.test(first.norm) && gerundNext.test(t[1]?.norm ?? ''))) return
  for (let k = 1; k < t.length && k <= 6; k++) {
    if (t[k].kind !== 'word' || t[k].norm === 'and' || t[k].norm === 'or' || t[k].norm === 'who' || t[k].norm === 'that' || t[k].norm === 'which') return
    const right = pluralBe[t[k].norm]
    if (right === undefined) {
      if (beAll.has(t[k].norm) || modals.has(t[k].norm) || t[k].norm === 'has' || t[k].norm === 'have') return
      continue
    }
    if (k < 2) return
    report({
      start: t[k].start,
      end: t[k].end,
      message: `The subject ${quote(doc.text.slice(first.start, t[k - 1].end))} is one activity and takes a singular verb; write ${quote(right)}`,
      expected: [right]
    })
    return
  }
}

// "I am student at", "I worked as software engineer in" -> "a student", "a software engineer": a
// role that many hold takes an article. Unique posts take none ("was captain of", "as head of").
const roleNouns = new Set(['student', 'engineer', 'intern', 'member', 'researcher', 'developer', 'volunteer', 'teacher', 'tutor', 'assistant', 'employee', 'participant', 'graduate', 'undergraduate', 'freshman', 'sophomore', 'scientist', 'programmer', 'analyst', 'consultant', 'designer', 'mentor', 'instructor', 'lecturer', 'postdoc', 'trainee', 'apprentice', 'worker', 'technician', 'applicant', 'nurse', 'physician'])
const roleAfter = new Set(['at', 'in', 'of', 'for', 'with', 'from', 'and', 'on', 'under', 'since', 'during', 'when', 'who'])
const roleVerbs = new Set(['am', 'is', 'was', 'as', 'become', 'became', 'becoming', "i'm"])
const notModifier = /^(a|an|the|my|our|his|her|their|your|its|this|that|these|those|each|every|one|no|not|very|also|still|now|then|such|well|much|only|both|just|currently|already|never|always|more|most|part|head|lead|chief|president|chair|director|captain)$/
function roleArticle(doc: Doc, t: Token[], i: number, report: (r: Report) => void): void {
  if (!roleVerbs.has(t[i].norm)) return
  // "such as student feedback", "appointed as lecturer": fixed zero-article uses.
  const before = t[i - 1]?.norm ?? ''
  if (t[i].norm === 'as' && /^(such|served|serve|serves|serving|appointed|elected|named|acted|act|acting|designated|nominated|well|same)$/.test(before)) return
  let j = i + 1
  while (j <= i + 3 && t[j]?.kind === 'word' && !roleNouns.has(t[j].norm)) {
    if (notModifier.test(t[j].norm) || t[j].text !== t[j].norm && !/^[A-Z][a-z]*D$|^PhD$|^MS$|^MSc$/.test(t[j].text)) return
    j++
  }
  // "undergraduate researcher", "graduate student": the last of the role words is the noun.
  while (t[j + 1]?.kind === 'word' && roleNouns.has(t[j + 1].norm)) j++
  const noun = t[j]
  if (!noun || noun.kind !== 'word' || !roleNouns.has(noun.norm) || noun.text !== noun.norm) return
  const after = t[j + 1]
  if (after && !(after.kind === 'punct' && /^[,.;:)]$/.test(after.norm)) && !(after.kind === 'word' && roleAfter.has(after.norm))) return
  // A modifier must not be a verb in -ing/-ed that makes "student" a noun of its own clause.
  const first = t[i + 1]
  const phrase = doc.text.slice(first.start, noun.end)
  const article = /^(?:[aeio]|u(?!ni|s[eu])|h(?:onou?r|our))/i.test(phrase) && !/^one/i.test(phrase) ? 'an' : 'a'
  report({
    start: first.start,
    end: noun.end,
    message: `${quote(noun.text)} is one of many and takes an article; write ${quote(`${article} ${phrase}`)}`,
    expected: [`${article} ${phrase}`]
  })
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

/** A verb's past participle: from the table of irregular verbs, else the regular "-ed". */
function participleOf(base: string): string {
  const irregular = baseParticiples.get(base)
  if (irregular) return irregular
  if (base.endsWith('e')) return base + 'd'
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + 'ied'
  return base + 'ed'
}

// "I would liked to", "did not went", "decided to went" -> the bare verb.
function bareAfterModal(doc: Doc, t: Token[], i: number, v: number, tags: Tagged[] | undefined, report: (r: Report) => void): void {
  // Words between are plain words ("not", an adverb); a capital "May" or "Will" is a name.
  for (let k = i; k <= v; k++) if (t[k]?.kind !== 'word') return
  if (t[i].text !== t[i].norm && t[i].sentence.words[0] !== t[i]) return
  const verb = tagAt(tags, t[v])
  if (!verb || verb.pos !== 'VERB' || verb.lemma === t[v].norm || !/^[a-z]+$/.test(verb.lemma)) return
  // A participle as an adjective after "to" in a name or title ("to Advanced Computing") is left alone.
  if (t[v].text !== t[v].norm) return
  const what = t[i].norm === 'to' ? `${quote(t[i - 1].text + ' to')}` : quote(doc.text.slice(t[i].start, t[v - 1].end).replace(/\s+(always|also|often|never|usually|still|only|just|really|sometimes|even|rarely|already|actually|ever|recently|first|finally|successfully|personally)$/i, ''))
  report({
    start: t[v].start,
    end: t[v].end,
    message: `After ${what} the verb takes its bare form; write ${quote(verb.lemma)}, not ${quote(t[v].text)}`,
    expected: [verb.lemma]
  })
}

// "it is make me realise", "are being build" -> a participle or an -ing form.
function beBare(doc: Doc, t: Token[], i: number, v: number, tags: Tagged[] | undefined, report: (r: Report) => void): void {
  // "was lead by" is the confusable rule's (lead/led), one finding per word.
  if (t[v]?.kind !== 'word' || t[v].text !== t[v].norm || t[v].norm === 'lead') return
  const verb = tagAt(tags, t[v])
  if (!verb || verb.pos !== 'VERB' || verb.lemma !== t[v].norm) return
  // "be" as part of a name, or a request ("be sure", "be aware"): only a finite "be" or "being/been".
  if (t[i].norm === 'be') return
  const participle = participleOf(verb.lemma)
  const passive = t[i].norm === 'being' || t[i].norm === 'been'
  report({
    start: t[v].start,
    end: t[v].end,
    message: passive
      ? `${quote(t[i].text + ' ' + t[v].text)} needs the participle; write ${quote(participle)}`
      : `${quote(t[v].text)} cannot follow ${quote(t[i].text)} as it is; write the participle ${quote(participle)}, the -ing form, or drop ${quote(t[i].text)}`,
    expected: passive ? [participle] : []
  })
}

// "while we uncovering" -> "we are uncovering" or "we uncover".
function pronounIng(doc: Doc, t: Token[], i: number, v: number, tags: Tagged[] | undefined, report: (r: Report) => void): void {
  if (t[i + 1]?.kind !== 'word' || t[v]?.kind !== 'word') return
  // "I" as a Roman numeral or a list mark ("Part I Planning") is not the pronoun.
  if (t[i].norm === 'i' && (t[i].text !== 'I' || t[v].text !== t[v].norm)) return
  if (t[i].norm !== 'i' && t[i].text !== t[i].norm && t[i].sentence.words[0] !== t[i]) return
  // After a preposition or a verb the pronoun is no subject of its own ("than I expected": not here).
  const before = t[i - 1]?.norm ?? ''
  if (/^(than|as|like|with|without|let|see|saw|watch|watched|hear|heard)$/.test(before) || questionAux.has(before) || modals.has(before) || beAll.has(before)) return
  const verb = tagAt(tags, t[v])
  if (!verb || verb.pos !== 'VERB' || verb.lemma === t[v].norm) return
  const be = t[i].norm === 'i' ? 'am' : t[i].norm === 'he' || t[i].norm === 'she' ? 'is' : 'are'
  report({
    start: t[v].start,
    end: t[v].end,
    message: `${quote(t[i].text + ' ' + t[v].text)} has no verb; write ${quote(`${t[i].text} ${be} ${t[v].text}`)}, ${quote(`${t[i].text} ${t[i].norm === 'i' ? 'was' : be === 'is' ? 'was' : 'were'} ${t[v].text}`)} or the simple ${quote(t[i].text + ' ' + verb.lemma)}`
  })
}

// "my research interests is" -> "are".
function pluralSubject(doc: Doc, t: Token[], i: number, n: number, tags: Tagged[] | undefined, report: (r: Report) => void): void {
  if (t[n]?.kind !== 'word' || t[n].text !== t[n].norm) return
  // The determiner opens the subject: after a preposition or "one of" the plural belongs to a longer phrase.
  let d = n - 1
  while (d >= n - 3 && d >= 0 && t[d].kind === 'word' && !pluralDeterminers.has(t[d].norm)) d--
  if (d < 0 || t[d].kind !== 'word' || !pluralDeterminers.has(t[d].norm)) return
  // Only a subject that opens a clause: after a preposition, a verb or "one of" the plural
  // belongs to a longer phrase ("the desire sparked during those years was").
  const before = t[d - 1]
  if (before && before.kind === 'word' && !clauseOpeners.has(before.norm)) return
  if (before && before.kind === 'word' && before.norm === 'that' && /^(of|all|one|each)$/.test(t[d - 2]?.norm ?? '')) return
  const noun = tagAt(tags, t[n])
  if (!noun || noun.pos !== 'NOUN' || noun.lemma === t[n].norm) return
  for (let k = d + 1; k < n; k++) {
    const m = tagAt(tags, t[k])
    if (!m || (m.pos !== 'ADJ' && m.pos !== 'NOUN') || t[k].text !== t[k].norm) return
  }
  // Between the plural's "of" and the verb: plain words only, none of them a verb ("the results of
  // the tests we ran was" is left alone: too far to be sure).
  for (let k = n + 2; k < i; k++) {
    const m = tagAt(tags, t[k])
    if (pluralDeterminers.has(t[k].norm)) continue
    if (t[k].kind !== 'word' || !m || m.pos === 'VERB' || m.pos === 'AUX' || m.pos === 'PRON' || m.pos === 'SCONJ' || m.pos === 'CCONJ' || t[k].norm === 'of') return
  }
  const right = singularVerbs[t[i].norm]
  report({
    start: t[i].start,
    end: t[i].end,
    message: `${quote(t[i].text)} does not agree with the plural ${quote(doc.text.slice(t[d].start, t[n].end))}; write ${quote(right)}`,
    expected: [right]
  })
}

// "my advisor always remind me" -> "reminds".
function nounAdverbBare(doc: Doc, t: Token[], i: number, tags: Tagged[] | undefined, report: (r: Report) => void, noAdverb = false): void {
  const d = i - 2
  const n = i - 1
  const v = noAdverb ? i : i + 1
  if (t[d]?.kind !== 'word' || t[n]?.kind !== 'word' || t[v]?.kind !== 'word' || t[n].text !== t[n].norm) return
  // Only a subject that opens a clause: "the idea my advisor always ..." is left alone.
  const before = t[d - 1]
  if (before && before.kind === 'word' && !clauseOpeners.has(before.norm)) return
  const noun = tagAt(tags, t[n])
  const verb = tagAt(tags, t[v])
  // After a person ("my father"), the tagger may call a verb a noun or an adjective ("own",
  // "work"); an article, a pronoun or a preposition after it shows it is the verb.
  const next = t[v + 1]
  const verbByPlace = noAdverb && verb !== undefined && (verb.pos === 'NOUN' || verb.pos === 'ADJ') && next?.kind === 'word' && /^(a|an|the|my|our|his|her|their|this|that|these|those|as|at|in|for|on|with|to|me|us|him|them|it)$/.test(next.norm)
  if (!noun || noun.pos !== 'NOUN' || noun.lemma !== t[n].norm || !verb || (verb.pos !== 'VERB' && !verbByPlace) || verb.lemma !== t[v].norm) return
  if (t[v + 1]?.kind === 'punct' && t[v + 1].norm === '?') return
  const third = thirdPerson(t[v].text)
  report({
    start: t[v].start,
    end: t[v].end,
    message: `${quote(t[v].text)} does not agree with ${quote(doc.text.slice(t[d].start, t[n].end))}; write ${quote(third)}`,
    expected: [third]
  })
}

// "there is many reasons" -> "there are".
function therePlural(doc: Doc, t: Token[], i: number, report: (r: Report) => void): void {
  const w = t[i].norm
  if (w !== 'there' && w !== "there's") return
  let j = i + 1
  let verbEnd = i
  let right: string
  if (w === "there's") right = 'there are'
  else if (t[j]?.norm === 'is' || t[j]?.norm === 'was') {
    right = t[j].norm === 'is' ? 'are' : 'were'
    verbEnd = j++
  } else if (t[j]?.norm === 'has' && t[j + 1]?.norm === 'been') {
    right = 'have been'
    verbEnd = j + 1
    j += 2
  } else return
  if (thereAdverbs.has(t[j]?.norm ?? '')) j++
  const q = t[j]
  if (!q || q.kind !== 'word' || !pluralQuantities.test(q.norm)) return
  // "there is 20% ..." or "there was 1" are not plural counts.
  const after = t[j + 1]
  if (after && (after.norm === '%' || after.norm === 'percent' || after.norm === 'per' || after.norm === '.' && /^\d/.test(t[j + 2]?.norm ?? ''))) return
  const start = w === "there's" ? t[i].start : t[i + 1].start
  const actual = doc.text.slice(start, t[verbEnd].end)
  const fixed = w === "there's" ? (t[i].text[0] === 'T' ? 'There are' : 'there are') : right
  report({
    start,
    end: t[verbEnd].end,
    message: `${quote(actual)} does not agree with the plural ${quote(q.text + ' ...')}; write ${quote(fixed)}`,
    expected: [fixed]
  })
}

// "6 million of students" -> "6 million students".
function numberOf(doc: Doc, t: Token[], i: number, report: (r: Report) => void): void {
  if (!bigNumbers.has(t[i].norm) || t[i + 1]?.norm !== 'of') return
  const before = t[i - 1]
  if (!before || !numberWords1.test(before.norm)) return
  const next = t[i + 2]
  if (!next || next.kind !== 'word' || ofDeterminers.has(next.norm)) return
  report({
    start: t[i].start,
    end: t[i + 1].end,
    message: `After a number, ${quote(t[i].text)} takes no ${quote('of')}; write ${quote(`${t[i].text} ${next.text}`)} (but "${t[i].text} of the ...")`,
    expected: [t[i].text]
  })
}

// "At 2015, I joined" -> "In 2015".
function yearPreposition(doc: Doc, t: Token[], i: number, report: (r: Report) => void): void {
  if (t[i].norm !== 'at' && t[i].norm !== 'on') return
  const y = t[i + 1]
  if (!y || !/^(19|20)\d\d$/.test(y.norm)) return
  // "at 2015 prices", "on 2019 data": the year is a modifier; "on 12 May 2019" has no year next.
  const after = t[i + 2]
  if (after && after.kind === 'word' && !prepositions.has(after.norm) && !clauseOpeners.has(after.norm) && !/^(i|we|he|she|they|my|our)$/.test(after.norm)) return
  if (after && /^[-–/]$/.test(after.norm)) return
  const fixed = t[i].text[0] === t[i].text[0].toUpperCase() ? 'In' : 'in'
  report({
    start: t[i].start,
    end: t[i].end,
    message: `A year takes ${quote('in')}: write ${quote(`${fixed} ${y.text}`)}`,
    expected: [fixed]
  })
}

// "I wonder why am I here." -> "why I am here": inside a statement, a question keeps statement order.
function indirectQuestion(doc: Doc, sentence: Sentence, i: number, report: (r: Report) => void): void {
  const t = sentence.tokens
  if (!whWords.has(t[i].norm) || i === 0 || sentence.terminal === '?' || sentence.terminal === null) return
  const aux = t[i + 1]
  const subject = t[i + 2]
  if (!aux || !subject || !questionAux.has(aux.norm)) return
  // With "do" any subject shows the question order ("how does a compiler decide"); with "is" a
  // noun phrase may be the complement ("what is the best approach"), so only a pronoun counts.
  let subjectEnd = subject
  if (doForms.has(aux.norm) && /^(a|an|the|my|our|this|these|those|their|his|her|its|your)$/.test(subject.norm) && t[i + 3]?.kind === 'word') subjectEnd = t[i + 3]
  else if (!questionSubjects.has(subject.norm)) return
  else if (subject.norm === 'i' ? subject.text !== 'I' : subject.text !== subject.norm) return
  // A question quoted or introduced by a colon or dash keeps its order; so does "what have you".
  const before = t[i - 1]
  if (before.kind === 'punct' && /^[:"“‘'—–(,;]$/.test(before.norm)) return
  if (t[i].norm === 'what' && aux.norm === 'have' && subject.norm === 'you') return
  // "how is it that", "what is it about": the cleft keeps the order of a question.
  if (subject.norm === 'it' && /^(that|about|like)$/.test(t[i + 3]?.norm ?? '')) return
  // Inside a question mark anywhere in the sentence, the writer asked a question.
  if (t.some((x) => x.kind === 'punct' && x.norm === '?')) return
  const subjectText = doc.text.slice(subject.start, subjectEnd.end)
  if (doForms.has(aux.norm)) {
    // Where the subject ends and the verb begins needs the whole clause: the message shows the
    // change on the words it can see.
    const verbForm = aux.norm === 'does' ? 'with -s' : aux.norm === 'did' ? 'in the past' : 'as it is'
    report({
      start: t[i].start,
      end: subjectEnd.end,
      message: `Inside a statement a question keeps statement order: drop ${quote(aux.text)} and put the verb after ${quote(subjectText)} ${verbForm} (${quote(`${t[i].text} ${subjectText} ...`)}), not ${quote(doc.text.slice(t[i].start, subjectEnd.end))}`
    })
    return
  }
  const fixed = `${t[i].text} ${subjectText} ${aux.text}`
  report({
    start: t[i].start,
    end: subjectEnd.end,
    message: `Inside a statement a question keeps statement order: write ${quote(fixed)}, not ${quote(doc.text.slice(t[i].start, subjectEnd.end))}`,
    expected: [fixed]
  })
}

// "the dashboards that was used" -> "were".
function relativeBe(doc: Doc, t: Token[], i: number, tags: Tagged[] | undefined, report: (r: Report) => void): void {
  const n = i - 1
  if (t[n]?.kind !== 'word' || t[i + 1]?.kind !== 'word' || t[n].text !== t[n].norm) return
  // After a preposition the relative may belong to an earlier noun ("one of the tools that is").
  for (let k = n - 1; k >= Math.max(0, n - 4) && t[k].kind === 'word' && t[k].norm !== 'and' && t[k].norm !== 'or'; k--) if (prepositions.has(t[k].norm) && t[k].norm !== 'to') return
  const noun = tagAt(tags, t[n])
  if (!noun || noun.pos !== 'NOUN' || noun.lemma === t[n].norm) return
  const right = singularVerbs[t[i + 1].norm]
  report({
    start: t[i + 1].start,
    end: t[i + 1].end,
    message: `${quote(t[i + 1].text)} does not agree with the plural ${quote(t[n].text)}; write ${quote(right)}`,
    expected: [right]
  })
}

// "my supervisor, who have twenty years of experience" -> "has".
function relativeSingular(doc: Doc, t: Token[], i: number, tags: Tagged[] | undefined, report: (r: Report) => void): void {
  const n = t[i - 1]?.kind === 'word' ? i - 1 : i - 2
  if (t[n]?.kind !== 'word' || t[n].text !== t[n].norm || t[i + 1]?.kind !== 'word') return
  // "one of the students who have", "the kind of people who are": the relative belongs to a plural
  // earlier on; so with "of" or "among" anywhere in the four words before.
  for (let k = n - 1; k >= Math.max(0, n - 4) && t[k].kind === 'word'; k--) {
    if (/^(and|or)$/.test(t[k].norm)) return
    // "the millions in the world who were": a plural before the preposition may be the antecedent.
    if (prepositions.has(t[k].norm) && (pluralLike(t[k - 1]?.norm ?? '') || /^(people|children|men|women|many|some|all|most|few|those|these|others)$/.test(t[k - 1]?.norm ?? ''))) return
  }
  // "the first time that have been": after a word of time "that" means "when", and the slip is a
  // missing subject, not agreement.
  if (t[i].norm === 'that' && /^(time|moment|day|year|week|month|point|way|place|reason)$/.test(t[n].norm)) return
  const noun = tagAt(tags, t[n])
  if (!noun || noun.pos !== 'NOUN' || noun.lemma !== t[n].norm) return
  const right = pluralVerbs[t[i + 1].norm]
  report({
    start: t[i + 1].start,
    end: t[i + 1].end,
    message: `${quote(t[i + 1].text)} does not agree with the singular ${quote(t[n].text)}; write ${quote(right)}`,
    expected: [right]
  })
}
