import data from './data/missing-specifics.yml'
import {type PhraseEntry, type PhraseMatch} from '../src/core/phrases.ts'
import {defineRule} from '../src/core/rule.ts'
import type {Token} from '../src/core/types.ts'
import {quote} from './util.ts'
import {indexOfToken} from './tokens.ts'

// Named metrics: a sentence that names one has given the reader something to check.
const metrics = new Set([
  'accuracy', 'precision', 'recall', 'f1', 'f1-score', 'f-score', 'f-measure', 'bleu', 'rouge', 'rouge-l', 'meteor', 'map', 'iou', 'miou',
  'dice', 'auc', 'auroc', 'roc', 'rmse', 'mse', 'mae', 'psnr', 'ssim', 'fid', 'lpips', 'wer', 'cer', 'perplexity', 'top-1', 'top-5',
  'percent', 'percentage', 'speedup', 'speed-up', 'fps'
])
// Spelled-out quantities ("twice as fast", "by a third", "three times"); "one" is left out
// because "one of" is everywhere.
const quantities = new Set([
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'fifty', 'hundred',
  'thousand', 'million', 'twice', 'thrice', 'half', 'halved', 'doubled', 'tripled', 'quadrupled', 'twofold', 'threefold', 'fourfold',
  'tenfold', 'third', 'quarter'
])
// Words that introduce the examples a vague quantity needs.
const introducers = new Set(['such', 'like', 'including', 'includes', 'include', 'e.g.', 'e.g', 'eg', 'i.e.', 'namely', 'ranging', 'spanning', 'from', 'especially', 'particularly', 'notably', 'specifically'])
const modals = new Set(['may', 'might', 'could', 'can', 'would'])
const firstPerson = new Set(['i', 'my', 'me', 'we', 'our', 'us', "i've", "i'm", "we've"])
const personTitles = new Set(['prof', 'prof.', 'professor', 'professors', 'dr', 'dr.', 'doctor'])
const workNamed = new Set(['on', 'about', 'in', 'into', 'titled', 'entitled', 'regarding', 'such', 'like', 'including', 'especially', 'particularly'])

/** Claims with nothing a reader can check: unquantified outcomes, vague lists, unnamed venues and people. */
export default defineRule({
  meta: {
    id: 'missing-specifics',
    phrases: data as PhraseEntry[],
    description: 'Claims with nothing a reader can check ("state-of-the-art results", "multiple internships", "a well-known company", "it was a great experience")',
    rationale:
      'A committee weighs evidence. "Our model gives state-of-the-art results" or "published in a reputed journal" asks the reader to take your word, while "cut the error of a U-Net baseline from 9.1% to 6.4% on a public dental X-ray set" or the name of the venue can be checked. UC Berkeley\'s guide to writing the statement of purpose asks applicants to say, for research they did, with whom, the title of the project, their responsibilities and the outcome. Outcome claims are not flagged when the sentence gives a number, a named metric or a named benchmark. Phrase list: rules/data/missing-specifics.yml.',
    defaultLevel: 'warn',
    fix: 'none',
    type: 'suggestion',
    example: {
      before: 'My pruned detector achieved excellent results and ran faster than various models.',
      after: 'My pruned detector kept 97% of the baseline mAP on COCO while running twice as fast as YOLOv5-s.'
    }
  },
  check({doc, report, phrases}) {
    let lastEnd = -1
    for (const match of phrases) {
      if (match.start < lastEnd) continue
      const after = rest(match)
      if (!flagged(match, after)) continue
      lastEnd = match.end
      const actual = doc.text.slice(match.start, match.end)
      report({start: match.start, end: match.end, message: `${quote(actual)} ${match.entry.reason}; ${match.entry.direction}`, expected: []})
    }
  }
})

function flagged(match: PhraseMatch, after: Token[]): boolean {
  switch (match.entry.class) {
    case 'outcome':
      return !specific(match) && !speculation(match)
    case 'vague':
      return !introducesExamples(after)
    case 'venue':
      return !after.some((t) => hasDigit(t) || isName(t))
    case 'person':
      return !namesPerson(after)
    case 'count':
      // Only the writer's own record: "many papers have been written about X" describes the field.
      return match.tokens[0].sentence.words.some((w) => firstPerson.has(w.norm)) && !introducesExamples(after) && !countedNearby(match)
    case 'unnamed':
      return !namedAtOnce(after)
    case 'empty':
      return !explains(after)
    case 'read':
      return !after.slice(0, 3).some((t) => workNamed.has(t.norm) || t.norm === '(' || t.norm === ':')
    default:
      return true
  }
}

// The tokens of the sentence after the match.
function rest(match: PhraseMatch): Token[] {
  const last = match.tokens[match.tokens.length - 1]
  const tokens = last.sentence.tokens
  return tokens.slice(indexOfToken(tokens, last) + 1)
}

// An outcome claim is specific when its sentence has a number, a percentage, a named metric or a
// named benchmark ("on ImageNet", "on the Cityscapes benchmark") outside the flagged words.
function specific(match: PhraseMatch): boolean {
  const inside = new Set(match.tokens)
  const tokens = match.tokens[0].sentence.tokens
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (inside.has(t)) continue
    if (t.norm === '%' || metrics.has(t.norm) || quantities.has(t.norm)) return true
    if (hasDigit(t) && !/^(19|20)\d\d$/.test(t.norm)) return true
    if (t.start > match.end && /^(on|across|over)$/.test(t.norm)) {
      const named = tokens.slice(i + 1, i + 4).some((n, k, next) => isBenchmark(n) || (isName(n) && /^(benchmark|dataset|corpus|leaderboard|challenge)s?$/.test(next[k + 1]?.norm ?? '')))
      if (named) return true
    }
  }
  return false
}

// "A quantum device may provide better performance": a guess about the field, not a claim
// about the writer's own work.
function speculation(match: PhraseMatch): boolean {
  const words = match.tokens[0].sentence.words
  return words.some((w) => modals.has(w.norm)) && !words.some((w) => firstPerson.has(w.norm))
}

// A benchmark's name looks like one: ImageNet, SQuAD, COCO, KITTI, CIFAR-10.
function isBenchmark(t: Token): boolean {
  return t.kind === 'word' && (/\p{Ll}\p{Lu}/u.test(t.text) || /^\p{Lu}[\p{Lu}\d-]{2,}$/u.test(t.text) || hasDigit(t))
}

const functionWords = new Set(['we', 'the', 'a', 'an', 'in', 'on', 'at', 'it', 'this', 'that', 'my', 'our', 'he', 'she', 'they', 'and', 'but', 'so', 'then', 'there', 'i'])
function isName(t: Token): boolean {
  // A function word with a capital opens a sentence the splitter missed ("a rover.We tested").
  return t.kind === 'word' && /^\p{Lu}/u.test(t.text) && t.norm !== 'i' && t !== t.sentence.words[0] && !functionWords.has(t.norm)
}

function hasDigit(t: Token): boolean {
  return /\d/.test(t.norm)
}

// "various techniques such as pruning", "a variety of tools (Git, Docker)", "various models: ..."
function introducesExamples(after: Token[]): boolean {
  const next = after[0]
  if (!next) return false
  if (next.kind !== 'word') {
    if (/^[(:\u2014\u2013-]$/.test(next.norm)) return true
    if (next.norm === ',' && after[1] && introducers.has(after[1].norm)) return true
    return false
  }
  return introducers.has(next.norm)
}

// "renowned faculty such as Prof. Kim", "world-class researchers like Dr. Osei", "(Prof. Lin)"
function namesPerson(after: Token[]): boolean {
  for (let i = 0; i < Math.min(after.length, 6); i++) {
    const t = after[i]
    if (personTitles.has(t.norm) || introducers.has(t.norm) || t.norm === '(') {
      if (after.slice(i + 1, i + 4).some((n) => isName(n))) return true
    }
  }
  return false
}

// "multiple projects": quiet when what follows in the sentence, or the next sentence, gives a
// number or a name. A name before the count says where, not what ("At Pune Institute of
// Technology I worked on multiple projects"), and a stand-in ("Company Y", "Professor ABC") names
// nothing.
function countedNearby(match: PhraseMatch): boolean {
  const sentence = match.tokens[0].sentence
  const end = match.tokens[match.tokens.length - 1].end
  const sentences = sentence.block.sentences
  const next = sentences[sentences.indexOf(sentence) + 1]
  const tokens = [...sentence.tokens.filter((t) => t.start >= end), ...(next?.tokens ?? [])]
  return tokens.some((t, k) => (hasDigit(t) && !/^(19|20)\d\d$/.test(t.norm)) || quantities.has(t.norm) || (isName(t) && t.norm.length > 1 && !standIn(tokens, k)))
}

const standIns = /^(xyz|abc|xxx|xxxx|xx|abcd|pqr|x|y|z)$/
const standInHeads = new Set(['university', 'college', 'institute', 'school', 'company', 'corp', 'inc', 'lab', 'laboratory', 'professor', 'prof', 'dr', 'startup', 'firm', 'group', 'organization', 'organisation', 'department', 'hospital', 'bank'])
/** Whether a capitalised word is a stand-in, or the head word that a stand-in follows or precedes. */
function standIn(tokens: Token[], k: number): boolean {
  const t = tokens[k]
  if (standIns.test(t.norm)) return true
  if (!standInHeads.has(t.norm)) return false
  return standIns.test(tokens[k + 1]?.norm ?? '') || standIns.test(tokens[k - 1]?.norm ?? '')
}

// "a well-known company, Infosys," "a large bank (HSBC)", "a startup called Loom".
function namedAtOnce(after: Token[]): boolean {
  const [a, b, c] = after
  if (!a) return false
  if (isName(a)) return true
  if (/^[,(:\u2014\u2013-]$/.test(a.norm) || ['called', 'named', 'namely'].includes(a.norm)) return (b && isName(b)) || (b?.norm === 'the' && c !== undefined && isName(c))
  return false
}

// "It was a great experience because I learned to plan": the sentence goes on to say what.
function explains(after: Token[]): boolean {
  return after.slice(0, 3).some((t) => ['because', 'as', 'since', 'that', 'how', 'to', ':', 'in', 'about'].includes(t.norm))
}
