// The kind of a document read from its text, used only when nothing else sets it (no flag, front
// matter, config or telling file name). A letter that greets a reader and asks for a position is
// a cover letter: linted as a statement of purpose, its closing courtesy would be flagged as a
// letter formality and its length judged against the wrong range. A statement that greets its
// committee ("Dear Admissions Committee") stays a statement: there the greeting is the slip.
import type {Doc, Kind} from './types.ts'

const salutation = /^(?:dear|to whom it may concern|hello|hi|greetings)\b/
const job = new Set(['position', 'positions', 'role', 'roles', 'job', 'vacancy', 'opening', 'openings', 'hiring', 'employment', 'internship'])
const study = new Set(['program', 'programs', 'programme', 'programmes', 'admission', 'admissions', 'degree', 'phd', 'ph.d', 'master', "master's", 'masters', 'doctoral', 'graduate', 'msc', 'ms', 'research', 'thesis', 'committee', 'professor', 'lab', 'laboratory'])

/** The kind the text shows, and what showed it; undefined when it shows none. */
export function inferKind(doc: Doc): {kind: Kind; reason: string} | undefined {
  const first = doc.blocks.find((b) => b.tokens.length > 0)
  const opening = first?.sentences[0]?.words.map((w) => w.norm).join(' ') ?? ''
  const greeting = salutation.exec(opening)
  if (!greeting) return undefined
  let jobWords = 0
  let studyWords = 0
  const seen = new Set<string>()
  for (const word of doc.words) {
    if (job.has(word.norm)) {
      jobWords++
      seen.add(word.norm)
    } else if (study.has(word.norm)) studyWords++
  }
  if (jobWords === 0 || jobWords < studyWords) return undefined
  // Name the plainest word it saw: "position" says more than "hiring" in "Dear Hiring Manager".
  const example = [...job].find((w) => seen.has(w))
  return {kind: 'cover-letter', reason: `it opens with "${first!.sentences[0].words.slice(0, 3).map((w) => w.text).join(' ')}" and mentions "${example}"`}
}
