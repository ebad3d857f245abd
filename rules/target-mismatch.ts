import {defineRule} from '../src/core/rule.ts'
import {mentionKinds, mentionsIn, namesTarget, resolveTarget, sentenceUnits, type InstitutionKind, type Mention, type Target, type Unit} from './data/institutions.ts'
import type {Doc, ResolvedSettings} from '../src/core/types.ts'
import type {Report} from '../src/core/rule.ts'
import {quote} from './util.ts'

// How a sentence uses a name. `future`: the place the writer wants to go ("apply to X", "join X",
// "the faculty at X would"); `history`: the writer's own past or present ("I interned at X",
// "my advisor at X", "graduated from X"); `neutral`: anything else (a tool, a collaborator, a
// professor's past, "researchers from X").
type Use = 'future' | 'history' | 'neutral'

// Where the name stands. `strong`: the object of at/join/attend/apply to/why; `weak`: after
// to/for/in/of/about, a possessive ("X's program") or a subject ("X would"); `none`: after with,
// from, by, than, like and the rest.
type Slot = 'strong' | 'weak' | 'none'

const future = new Set([
  'would', 'will', 'shall', 'can', 'could', 'hope', 'hopes', 'hoping', 'plan', 'plans', 'planning', 'want', 'wants', 'wish', 'wishes',
  'aspire', 'aspires', 'aspiring', 'intend', 'intends', 'intending', 'aim', 'aims', 'aiming', 'seek', 'seeks', 'seeking', 'apply',
  'applies', 'applying', 'application', 'candidacy', 'why', 'your', 'look', 'looking', 'excited', 'eager', 'thrilled', 'keen',
  'delighted', 'honored', 'honoured', 'happy', 'glad', 'interested', 'drawn', 'attracted', 'enthusiastic', 'hopeful', 'ready',
  'passionate', 'motivated', 'determined', 'privileged', 'considering', 'consideration', 'dear'
])
// Adjectives of wanting take their time from the verb before them: "I am excited to join" looks
// ahead, "I was excited to join" looks back.
// "The opportunity to study at X" looks ahead too, unless a past verb came first ("I had the
// opportunity to work at X").
const feeling = new Set([
  'excited', 'eager', 'thrilled', 'keen', 'delighted', 'honored', 'honoured', 'happy', 'glad', 'interested', 'drawn', 'attracted',
  'enthusiastic', 'hopeful', 'ready', 'passionate', 'motivated', 'determined', 'privileged', 'opportunity', 'chance', 'prospect'
])
const copulaNow = new Set(['am', 'is', 'are', "i'm", "we're", 'be'])
const copulaPast = new Set(['was', 'were', 'been', 'had', 'did'])
const historyWords = new Set([
  'previously', 'formerly', 'former', 'earlier', 'ago', 'last', 'during', 'while', 'before', 'after', 'since', 'until', 'alumnus',
  'alumna', 'alumni', 'alum', 'currently', 'presently', 'return', 'returning', 'back', 'undergraduate', 'undergrad', 'bachelor',
  'bachelors', 'btech', 'bsc', 'beng', 'employer', 'stint', 'tenure', 'thank', 'thanks', 'grateful', 'gratitude', 'indebted'
])
const irregularPast = new Set([
  'built', 'led', 'spent', 'taught', 'wrote', 'met', 'began', 'took', 'got', 'made', 'found', 'went', 'came', 'saw', 'left', 'ran', 'held',
  'brought', 'gave', 'won', 'became', 'knew', 'thought', 'felt', 'grew', 'sat', 'stood', 'told', 'said', 'fought', 'caught', 'sought',
  'bought', 'kept', 'lost', 'paid', 'sent', 'meant', 'heard', 'understood', 'undertook', 'oversaw', 'drew', 'flew', 'broke', 'spoke',
  'drove', 'forgot', 'dealt', 'hung', 'wrought', 'taken', 'done', 'written', 'given', 'shown', 'grown', 'known', 'begun', 'gotten'
])
// -ed words that describe rather than narrate: "the renowned faculty at X" is not the past.
const describing = new Set([
  'interested', 'excited', 'thrilled', 'delighted', 'honored', 'honoured', 'motivated', 'determined', 'privileged', 'attracted',
  'renowned', 'esteemed', 'distinguished', 'established', 'advanced', 'applied', 'related', 'based', 'located', 'focused', 'specialized',
  'specialised', 'integrated', 'accelerated', 'combined', 'detailed', 'talented', 'experienced', 'skilled', 'accomplished', 'dedicated',
  'acclaimed', 'respected', 'celebrated', 'unparalleled', 'unmatched', 'unrivaled', 'unrivalled', 'embedded', 'distributed', 'supervised',
  'unsupervised', 'interconnected', 'centered', 'centred', 'oriented', 'driven', 'need', 'indeed', 'hundred', 'red', 'proposed', 'funded',
  'animated', 'automated', 'sophisticated', 'storied', 'prized', 'gifted', 'varied',
  'diversified', 'concerned', 'qualified', 'equipped', 'suited', 'positioned', 'prepared', 'aligned', 'informed', 'inspired',
  'fascinated', 'intrigued', 'impressed', 'amazed', 'pleased', 'convinced', 'committed', 'named', 'called', 'titled', 'entitled'
])
// Other people, whose history a name may be ("Prof. Lee's work at X", "researchers at X"), and
// collaboration, which crosses schools ("collaborate with groups at X"). A title alone is not
// enough: "I hope to work with Professor Lee at X" still says where the writer wants to go.
const thirdParty = new Set([
  'his', 'her', 'their', 'whose', 'its', 'researchers', 'researcher', 'colleagues', 'collaborators', 'collaborator', 'scientists',
  'friends', 'peers', 'alumni', 'he', 'she', 'they', 'who', 'mentor', 'mentors', 'author', 'authors', 'collaborate', 'collaborating',
  'collaboration', 'collaborations', 'partner', 'partnering', 'partnership', 'staff'
])
const degreeWords = /^(bachelor|master|bachelors|masters|associate|doctor)$/i
const own = new Set(['my', 'our'])
// "to pursue my PhD at X" looks ahead even with "my".
const studyNouns = new Set(['phd', 'doctorate', 'doctoral', 'graduate', 'master', 'masters', 'studies', 'degree', 'research', 'career', 'education', 'ms', 'msc', 'ma'])
const aheadVerbs = new Set(['pursue', 'begin', 'start', 'do', 'complete', 'undertake', 'spend', 'pursuing', 'beginning', 'starting', 'doing'])
const boundaryPunct = new Set([',', ';', ':', '(', ')', '—', '–', '"', '“', '”', '[', ']'])
const boundaryWords = new Set(['but', 'although', 'though', 'whereas', 'because', 'which', 'where', 'when', 'whom', 'that'])
const strongGovernors = new Set(['at', 'join', 'joining', 'attend', 'attending', 'why', 'choose', 'choosing', 'chose', 'enroll', 'enrol', 'enrolling', 'rejoin', 'dear'])
const weakGovernors = new Set(['to', 'for', 'in', 'into', 'of', 'about', 'within'])
const applyWords = new Set(['apply', 'applying', 'application', 'applications', 'admission', 'admitted', 'admit', 'candidacy', 'transfer', 'transferring', 'come', 'coming', 'accepted'])
const determiners = new Set(['the', 'a', 'an'])
const notSlots = new Set(['from', 'by', 'like', 'unlike', 'with', 'than', 'as', 'on', 'over', 'between', 'among', 'including', 'versus', 'vs', 'via', 'near', 'besides', 'beyond', 'across'])
const roles = new Set([
  'student', 'candidate', 'researcher', 'engineer', 'intern', 'fellow', 'professor', 'lecturer', 'assistant', 'officer', 'scientist',
  'developer', 'analyst', 'alumnus', 'alumna', 'graduate', 'undergraduate', 'major', 'ta', 'postdoc', 'associate', 'director', 'manager'
])
const modalsAhead = new Set(['would', 'will', 'shall', 'can', "'ll"])
const fitWords = new Set(['ideal', 'perfect', 'right', 'best', 'natural', 'only', 'great', 'excellent', 'obvious', 'first', 'top', 'dream'])
// "X's program aligns with my goals", "X offers exactly the resources I need".
const fitVerbs = new Set(['aligns', 'align', 'matches', 'match', 'fits', 'suits', 'resonates', 'resonate', 'appeals', 'inspires', 'excites', 'attracts'])
const linking = new Set(['is', 'are', 'been', 'remains', 'seems', 'feels', 'be'])
const offerVerbs = new Set(['offers', 'provides', 'gives', 'affords'])
const offerObjects = new Set(['me', 'exactly', 'ideal', 'perfect', 'opportunity', 'opportunities', 'chance', 'resources', 'environment', 'everything'])
const academicNouns = new Set([
  'program', 'programme', 'programs', 'department', 'faculty', 'lab', 'labs', 'laboratory', 'group', 'groups', 'school', 'community',
  'phd', 'ms', 'msc', 'curriculum', 'courses', 'coursework', 'research', 'professors', 'researchers', 'students', 'campus', 'team',
  'teams', 'mission', 'culture', 'offer', 'role', 'position', 'opening', 'product', 'products', 'engineering', 'environment',
  'resources', 'reputation', 'strength', 'strengths', 'emphasis', 'commitment', 'approach', 'tradition', 'values'
])
// A capitalised word after a name that still belongs to the institution: "Yale Law School".
const unitWords = new Set([
  'university', 'school', 'college', 'law', 'medical', 'medicine', 'business', 'engineering', 'graduate', 'department', 'research', 'lab',
  'labs', 'laboratory', 'ai', 'brain', 'cs', 'eecs', 'ece', 'phd', 'ms', 'msc', 'computer', 'computational', 'csail', 'sail', 'robotics',
  'nlp', 'institute', 'center', 'centre', 'program', 'programme', 'campus', 'faculty', 'division', 'i', "i'm", "i'd", "i've", "i'll", 'is',
  'are', 'was', 'would', 'will', 'can', 'and', 'or', 'for', 'of', 'the', 'in', 'at', 'to', 'offers', 'has', 'have', 'inc', 'ltd', 'llc',
  'corp', 'gmbh', 'hiring', 'team', 'recruiting', 'recruitment', 'admissions', 'admission', 'committee', 'search', 'talent', 'careers'
])

function isPast(unit: Unit): boolean {
  const w = unit.lower
  if (describing.has(w) || future.has(w)) return false
  if (copulaPast.has(w) || irregularPast.has(w) || historyWords.has(w)) return true
  if (/'ve$/.test(w)) return true
  return w.length >= 4 && /[^e]ed$/.test(w)
}

/** How the words before a mention, back to the clause boundary, use it. */
function useBefore(units: Unit[], first: number): {use: Use | undefined; reachedStart: boolean; words: number} {
  const window: Unit[] = []
  let k = first - 1
  for (; k >= 0 && window.length < 14; k--) {
    const unit = units[k]
    if (!unit.word) {
      if (boundaryPunct.has(unit.punct)) break
      continue
    }
    if (boundaryWords.has(unit.lower)) break
    window.unshift(unit)
  }
  const reachedStart = k < 0
  const words = window.length
  let pendingFeeling = false
  let infinitive = false
  for (let n = window.length - 1; n >= 0; n--) {
    const unit = window[n]
    const w = unit.lower
    const before = window[n - 1]?.lower
    if (own.has(w)) {
      const next = window[n + 1]?.lower
      const prior = window.slice(Math.max(0, n - 2), n).map((u) => u.lower)
      if (next && studyNouns.has(next) && prior.some((p) => aheadVerbs.has(p))) continue
      return {use: 'history', reachedStart, words}
    }
    // "Prof. Lee's work at X" is her history; "Prof. Lee's lab at X" is where the writer may go.
    const personal = unit.possessive && !degreeWords.test(unit.key) && /^[A-Z]/.test(unit.key) && !/^(lab|labs|group|team)$/.test(window[n + 1]?.lower ?? '')
    if (thirdParty.has(w) || personal) return {use: 'neutral', reachedStart, words}
    if (feeling.has(w)) {
      pendingFeeling = true
      continue
    }
    if (copulaNow.has(w)) {
      if (pendingFeeling || infinitive) return {use: 'future', reachedStart, words}
      // "to be part of", "would be": the time is in the verb before.
      if (w === 'be') continue
      // "I am studying at X", "I am a student at X": the present, which is the writer's own.
      return {use: 'history', reachedStart, words}
    }
    if (isPast(unit)) return {use: 'history', reachedStart, words}
    // "continue working with Dr. Rao at X" is a relation the writer already has.
    if ((w === 'continue' || w === 'continuing') && /^(working|work|collaborating|to)$/.test(window[n + 1]?.lower ?? '') && (window[n + 1]?.lower !== 'to' || window[n + 2]?.lower === 'work')) {
      return {use: 'history', reachedStart, words}
    }
    // "look forward to", not "looking at".
    if ((w === 'look' || w === 'looking') && window[n + 1]?.lower !== 'forward') continue
    if (future.has(w) || /'d$|'ll$/.test(w)) return {use: 'future', reachedStart, words}
    if (before === 'to' && !determiners.has(w)) infinitive = true
  }
  if (pendingFeeling) return {use: 'future', reachedStart, words}
  return {use: undefined, reachedStart, words}
}

const presentVerbs = /^(work|works|lead|leads|manage|manages|study|studies|teach|teaches|build|builds|own|owns|maintain|maintains|research|researches)$/

/** What follows a mention: "X would", "X is the ideal place", "the lab at X where I worked", "At X, I built". */
function useAfter(units: Unit[], last: number, sentenceStart: boolean, opening: boolean): Use | undefined {
  let words = 0
  let crossed = false
  for (let k = last; k < units.length && words < (sentenceStart ? 8 : 5); k++) {
    const unit = units[k]
    if (!unit.word) {
      // "At Flipkart, I built": an opening phrase takes its time from the clause after it.
      if (unit.punct === ',' && sentenceStart && !crossed) {
        crossed = true
        continue
      }
      if (boundaryPunct.has(unit.punct) || /^[.!?]+$/.test(unit.punct)) return undefined
      continue
    }
    const w = unit.lower
    // "the summer school at EPFL that I will attend": a relative clause says nothing of the name.
    if (boundaryWords.has(w)) return undefined
    words++
    if (modalsAhead.has(w) || /'ll$/.test(w)) return 'future'
    // "X is the ideal place", "X has long been my dream school".
    if (linking.has(w) && units.slice(k + 1, k + 4).some((u) => fitWords.has(u.lower))) return 'future'
    if (fitVerbs.has(w) || (offerVerbs.has(w) && units.slice(k + 1, k + 5).some((u) => offerObjects.has(u.lower)))) return 'future'
    if (isPast(unit)) return 'history'
    // "At Yale, I am eager to" looks ahead; "At Google, I am responsible for" is the present.
    if (crossed && copulaNow.has(w)) return units.slice(k + 1, k + 3).some((u) => feeling.has(u.lower)) ? 'future' : 'history'
    if (crossed && presentVerbs.test(w)) return 'history'
    if ((w === 'look' || w === 'looking') && units[k + 1]?.lower !== 'forward') continue
    // Wanting words count after an opening phrase ("At Yale I hope to"), not inside a relative
    // clause ("Stanford's faculty lead the field I want to study").
    if ((crossed || opening) && (future.has(w) || /'d$/.test(w))) return 'future'
  }
  return undefined
}

/** The word that governs a mention, skipping articles. */
function slotOf(units: Unit[], mention: Mention): Slot {
  let k = mention.first - 1
  while (k >= 0 && units[k].word && determiners.has(units[k].lower)) k--
  const unit = units[k]
  const last = units[mention.last - 1]
  const next = units[mention.last]
  // "Cornell's faculty", "Cornell's collaborative culture": what the school offers.
  if (last.possessive && units.slice(mention.last, mention.last + 3).some((u) => u.word && academicNouns.has(u.lower))) return 'strong'
  if (last.possessive && !mention.form.place) return 'weak'
  if (!unit) return 'weak'
  if (!unit.word) return boundaryPunct.has(unit.punct) && unit.punct !== '(' ? 'weak' : 'none'
  const w = unit.lower
  if (strongGovernors.has(w)) return 'strong'
  if (w === 'to' && k > 0 && applyWords.has(units[k - 1].lower)) return 'strong'
  if (weakGovernors.has(w)) return 'weak'
  // The subject of a clause: "I believe Stanford is the best place", "I think CMU would"; not the
  // object of a preposition ("a course from MIT will help").
  if (notSlots.has(w)) return 'none'
  if (next?.word && (linking.has(next.lower) || modalsAhead.has(next.lower) || fitVerbs.has(next.lower) || offerVerbs.has(next.lower) || /^(has|have)$/.test(next.lower))) return 'weak'
  return 'none'
}

/** Whether the mention is part of a longer proper name or a compound ("Stanford Question Answering Dataset", "Meta-learning"). */
function embedded(units: Unit[], mention: Mention): boolean {
  const next = units[mention.last]
  const prev = units[mention.first - 1]
  if (next?.word && next.joined && next.key === next.lower) return true
  if (next?.word && !units[mention.last - 1].possessive && /^[A-Z]/.test(next.key) && !unitWords.has(next.lower)) return true
  if (prev?.word && mention.first - 1 > 0 && /^[A-Z]/.test(prev.key) && !unitWords.has(prev.lower) && !strongGovernors.has(prev.lower) && !weakGovernors.has(prev.lower) && !future.has(prev.lower)) {
    return true
  }
  return false
}

const prepositions = new Set(['at', 'in', 'through', 'during', 'as', 'with', 'within', 'from', 'by', 'for', 'after', 'before', 'joining', 'studying', 'attending'])
const firstWord = (units: Unit[]) => Math.max(0, units.findIndex((u) => u.word))

const careerWords = new Set(['career', 'eventually', 'someday', 'long-term', 'longterm', 'graduation', 'graduating', 'ultimately'])

/** Whether a sentence is about life after the degree ("After my PhD", "in the long term", "my career"). */
function careerPlan(units: Unit[]): boolean {
  return units.some((u, n) => u.word && (careerWords.has(u.lower) || (u.lower === 'after' && units.slice(n + 1, n + 4).some((v) => studyNouns.has(v.lower) || v.lower === 'phd'))))
}

/** Whether a sentence tells the past and looks nowhere ahead ("I took Stanford's course, then MIT's"). */
function narratesPast(units: Unit[]): boolean {
  let past = false
  for (const unit of units) {
    if (!unit.word) continue
    if (future.has(unit.lower) && !feeling.has(unit.lower)) return false
    if (modalsAhead.has(unit.lower) || /'ll$|'d$/.test(unit.lower)) return false
    if (isPast(unit)) past = true
  }
  return past
}

interface Judged {
  mention: Mention
  use: Use
  slot: Slot
}

/** Judge every mention of a sentence; names in a list share the use and slot of the first. */
function judge(units: Unit[], mentions: Mention[]): Judged[] {
  const out: Judged[] = []
  for (const mention of mentions) {
    const prev = out[out.length - 1]
    if (prev) {
      const between = units.slice(prev.mention.last, mention.first)
      if (between.length > 0 && between.every((u) => (u.word ? /^(and|or|the|&|nor)$/.test(u.lower) : /^[,(\-–]$/.test(u.punct)))) {
        out.push({mention, use: prev.use, slot: prev.slot})
        continue
      }
    }
    const slot = slotOf(units, mention)
    // "PhD Student, UC Berkeley": an affiliation line names the writer's own institution.
    const comma = units[mention.first - 1]
    const role = units[mention.first - 2]
    if (comma && !comma.word && comma.punct === ',' && role?.word && roles.has(role.lower)) {
      out.push({mention, use: 'history', slot})
      continue
    }
    const before = useBefore(units, mention.first)
    let use = before.use
    // "At Yale I hope to", "As a PhD student at CMU I intend to": an opening phrase before the clause.
    const opening = before.reachedStart && before.words > 0 && before.words <= 6 && prepositions.has(units[firstWord(units)].lower)
    if (use === undefined) use = useAfter(units, mention.last, before.reachedStart || before.words <= 3, opening) ?? 'neutral'
    out.push({mention, use, slot})
  }
  return out
}

function destination(target: Target): string {
  return target.kind === 'company' ? 'company you want to join' : 'school you are applying to'
}

/** A destination named in the text: a known school or company where a target stands. */
interface Destination {
  mention: Mention
  actual: string
  line: number
}

// With no target set, the text itself says where it is going: the names that stand where a
// target belongs ("apply to the PhD program at Princeton", "Dear Stripe team", "Yale's faculty
// would"). When they name two places, the one named most often (or first) is taken as the target
// and the others are flagged, saying what was inferred and from where.
function inferred(doc: Doc, settings: ResolvedSettings, report: (r: Report) => void): void {
  const all: Array<Destination & {kinds: InstitutionKind[]}> = []
  for (const sentence of doc.sentences) {
    const units = sentenceUnits(sentence)
    const mentions = mentionsIn(sentence, units)
    if (mentions.length === 0) continue
    for (const {mention, use, slot} of judge(units, mentions)) {
      if (use !== 'future' || slot === 'none' || (mention.form.place && slot !== 'strong') || embedded(units, mention)) continue
      if (mention.form.institutions.length === 0) continue
      // "After my PhD I want to work at Google": a career plan, not this application.
      if (settings.kind !== 'cover-letter' && careerPlan(units)) continue
      all.push({mention, actual: doc.text.slice(mention.start, mention.end), line: lineOf(doc.text, mention.start), kinds: mentionKinds(mention, 'university')})
    }
  }
  // A statement goes to a school; a letter to a company, or to a school for a post there.
  const companies = all.filter((d) => d.kinds.includes('company')).length
  const wanted: InstitutionKind = settings.kind === 'cover-letter' && companies * 2 >= all.length ? 'company' : 'university'
  const found = all.filter((d) => d.kinds.includes(wanted))
  if (found.length < 2) return
  const groups: Array<{target: Target; members: Destination[]}> = []
  for (const d of found) {
    const group = groups.find((g) => namesTarget(d.mention, g.target))
    if (group) group.members.push(d)
    else groups.push({target: resolveTarget(d.actual), members: [d]})
  }
  if (groups.length < 2) return
  // The most named; on a tie, the first.
  const main = groups.reduce((best, g) => (g.members.length > best.members.length ? g : best))
  const evidence = main.members[0]
  const letter = settings.kind === 'cover-letter' ? 'letter' : 'statement'
  for (const g of groups) {
    if (g === main) continue
    for (const d of g.members) {
      report({
        start: d.mention.start,
        end: d.mention.end,
        message: `${quote(d.actual)} is named as the ${wanted === 'company' ? 'company you want to join' : 'school you are applying to'}, but this ${letter} names ${quote(evidence.actual)} as its target ${main.members.length === 2 ? 'twice' : main.members.length > 2 ? `${main.members.length} times` : 'first'} (line ${evidence.line}); check for text pasted from another application, or set \`target\` to say which is meant`,
        expected: [evidence.actual]
      })
    }
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}

/** Another institution named where the target should be. */
export default defineRule({
  meta: {
    id: 'target-mismatch',
    description: 'Another school or company named where the target should be',
    rationale:
      'Naming the wrong school ("I look forward to joining the faculty at Cornell" in a statement for Princeton) is the classic sign of text pasted from another application; admissions counsellors list "School A is my ideal school because..." in an essay to School B among the mistakes that sink an application (posts to the NACAC counsellors\' list collected on the Not Just Admissions blog, 2007). ' +
      'A name is flagged when it is a known university (the Hipo university-domains list plus curated short forms such as CMU, ETH, UCLA) or a well-known company or lab, is not the target or one of its forms, and stands where the target belongs in a sentence about what the writer will do: after "apply to", "join", "attend", "why" or "at" ("I hope to join the faculty at X"), as a possessive ("X\'s program is the ideal place"), or as the subject of "would", "will" or "is the right place" ("the faculty at X would help me grow"). ' +
      'The writer\'s own history is never flagged: a name after "my"/"our" or in a past-tense clause ("I interned at Google", "my advisor at IIT Bombay", "graduated from"), or a present one ("I am a student at X"). Neither is someone else\'s ("Prof. Lee\'s work at Stanford", "researchers from MIT"), nor a company in a statement for a university (a career plan) or a university in a letter to a company. ' +
      'With no target set, the text says where it is going: the names that stand where a target belongs are gathered, the one named most often (the first on a tie) is taken as the target, and each other one is flagged with what was inferred and the line it came from; set `target` to settle it. ' +
      'When several files are linted together, a file that names another file\'s target where a target could stand, in any tense but the writer\'s own history, is flagged too ("Stanford\'s faculty lead the field" in the Princeton file when another file is for Stanford).',
    defaultLevel: 'error',
    fix: 'suggest',
    type: 'problem',
    example: {
      before: 'I am excited to apply to the PhD program at Yale, where I hope to work with Professor Rivera.',
      after: 'I am excited to apply to the PhD program at Princeton, where I hope to work with Professor Rivera.'
    }
  },
  check({doc, settings, report}) {
    const text = settings.target?.trim()
    if (!text) {
      inferred(doc, settings, report)
      return
    }
    const target = resolveTarget(text)
    if (target.forms.length === 0) return
    // Another file's target that is also this one's ("UC" and "UCLA") is not another target.
    const others = (settings.otherTargets ?? [])
      .map((t) => t.trim())
      .filter((t) => t && t.toLowerCase() !== text.toLowerCase())
      .map(resolveTarget)
      .filter((o) => o.forms.length > 0 && !o.forms.some((f) => target.forms.some((g) => f.words.join(' ').toLowerCase() === g.words.join(' ').toLowerCase())))
    const extra = [...target.forms, ...others.flatMap((o) => o.forms)]
    const letter = settings.kind === 'cover-letter' ? 'letter' : 'statement'

    for (const sentence of doc.sentences) {
      const units = sentenceUnits(sentence)
      const mentions = mentionsIn(sentence, units, extra)
      if (mentions.length === 0) continue
      for (const {mention, use, slot} of judge(units, mentions)) {
        if (namesTarget(mention, target)) continue
        if (embedded(units, mention)) continue
        const actual = doc.text.slice(mention.start, mention.end)
        const other = others.find((o) => namesTarget(mention, o))
        const place = mention.form.place
        if (other) {
          // Another file's target in a slot a target could fill, in any tense but the writer's
          // own history: "the faculty at Stanford", "Stanford's program", "why Stanford".
          if (use === 'history' || slot === 'none' || (place && slot !== 'strong')) continue
          if (use === 'neutral' && narratesPast(units)) continue
          // "After my PhD, I want to work at Google" in a statement for a university is a career
          // plan even when another file in the run is the letter to Google.
          if (!mentionKinds(mention, other.kind).includes(target.kind) && careerPlan(units)) continue
          report({
            start: mention.start,
            end: mention.end,
            message: `${quote(actual)} is the target of another file in this run, but this ${letter} is for ${quote(target.text)}; check for text pasted from that application`,
            expected: [target.text]
          })
          continue
        }
        if (use !== 'future' || slot === 'none' || (place && slot !== 'strong')) continue
        if (!mentionKinds(mention, target.kind).includes(target.kind)) continue
        report({
          start: mention.start,
          end: mention.end,
          message: `${quote(actual)} is named as the ${destination(target)}, but this ${letter} is for ${quote(target.text)}; write ${quote(target.text)} or rewrite the sentence`,
          expected: [target.text]
        })
      }
    }
  }
})
