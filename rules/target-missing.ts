import {defineRule} from '../src/core/rule.ts'
import type {Block, Doc} from '../src/core/types.ts'
import {documentNames, resolveTarget, sourceNames} from './data/institutions.ts'
import {quote} from './util.ts'

/** The paragraph that closes the statement: the last one of prose, not a sign-off, an address or a reference list. */
function closingParagraph(doc: Doc): Block | undefined {
  const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph' && b.sentences.length > 0)
  const prose = (b: Block) =>
    !b.inList && !/^\s*\[?\d+[\].)]/.test(doc.text.slice(b.start, b.end)) && b.sentences.some((s) => s.terminal !== null && s.words.length >= 8)
  const words = (b: Block) => b.sentences.reduce((sum, s) => sum + s.words.length, 0)
  return last(paragraphs, prose) ?? last(paragraphs, (b) => words(b) >= 15) ?? paragraphs[paragraphs.length - 1]
}

function last<T>(items: T[], test: (item: T) => boolean): T | undefined {
  for (let n = items.length - 1; n >= 0; n--) if (test(items[n])) return items[n]
  return undefined
}

/** The target school or company is never named. */
export default defineRule({
  meta: {
    id: 'target-missing',
    description: 'The target school or company is never named',
    rationale:
      'A statement of purpose is the one part of an application written for one program, and readers look for why you chose theirs; graduate-admissions advice (for example "Do I need to write a new Statement of Purpose for each school?" on howtogetintograduateschool.com) asks for a statement tailored to each program, since it is the only part of the application that deals with that school. A statement or cover letter that never names its school or company could have been sent anywhere. ' +
      'With a target set (front matter `target:`, the configuration, or `--target`), the rule warns once when the prose never names it, counting the full name, curated short forms ("CMU", "ETH", "UCLA"), the name without "University" or a company suffix, and its initials, in any case; in LaTeX a name kept in a macro counts too. ' +
      'The finding sits on the first sentence of the closing paragraph, where a "why this school" passage usually goes. Without a target the rule is silent.',
    defaultLevel: 'warn',
    fix: 'none',
    type: 'problem',
    example: {
      before: 'I am confident that this program is the right place for the next step of my career.',
      after: 'Princeton\'s work on verified systems, and Professor Rivera\'s group in particular, is why I am applying.'
    }
  },
  check({doc, settings, report}) {
    const text = settings.target?.trim()
    if (!text) return
    const block = closingParagraph(doc)
    if (!block) return
    const target = resolveTarget(text)
    if (documentNames(doc, target)) return
    // LaTeX statements often keep the school in a macro (`\newcommand{\school}{Yale}`) that the
    // prose does not show; a name anywhere outside comments counts.
    if (doc.format === 'tex' && sourceNames(doc.text.replace(/(^|[^\\])%.*$/gm, '$1'), target)) return
    const sentence = block.sentences[0]
    const reader = settings.kind === 'cover-letter' ? 'letter' : 'statement'
    report({
      start: sentence.start,
      end: sentence.end,
      message: `This ${reader} never names its target, ${quote(target.text)}; say what draws you to it, for example in the closing paragraph`
    })
  }
})
