import {thousands} from '../src/core/numbers.ts'
import {presets} from '../src/core/presets.ts'
import {defineRule} from '../src/core/rule.ts'


/** The document's word count against the preset's range. */
export default defineRule({
  meta: {
    id: 'length',
    description: 'Word count outside the range for the kind of statement',
    rationale:
      'Programs and employers set limits, and readers notice a statement that runs long or stops short. With your own limit (`maxWords` or `minWords` in front matter or config) a statement outside it is a warning. Without one, the preset gives a usual range (about 1,000 words for a statement of purpose, 900 for a personal statement, 2,000 for a research statement, one page or about 400 words for a cover letter) and a statement outside it is only an info finding, since programs differ: an NSF GRFP personal statement may run three pages.',
    defaultLevel: 'warn',
    fix: 'none',
    type: 'problem',
    example: {before: 'A 1,400-word statement for a program that asks for 1,000.', after: 'The same story in 950 words.'}
  },
  check({doc, settings, report}) {
    const words = doc.words
    if (words.length === 0) return
    const name = presets[settings.kind] ? settings.kind : 'sop'
    // A preset's range is a guess at the program's limit; only the user's own limit is a warning.
    const level = settings.limitsSetByUser ? undefined : 'info'
    if (words.length > settings.maxWords) {
      const over = words.length - settings.maxWords
      report({
        start: words[settings.maxWords].start,
        end: words[words.length - 1].end,
        level,
        message: settings.limitsSetByUser
          ? `The statement has ${thousands(words.length)} words, ${thousands(over)} over your limit of ${thousands(settings.maxWords)}; cut ${thousands(over)} words (the text past the limit is marked)`
          : `The statement has ${thousands(words.length)} words, more than the ${thousands(settings.maxWords)} usual for a ${name}; check the program's limit and set it as maxWords (the text past ${thousands(settings.maxWords)} words is marked)`
      })
    } else if (words.length < settings.minWords) {
      const first = doc.sentences[0]
      report({
        start: first.start,
        end: first.end,
        level,
        message: settings.limitsSetByUser
          ? `The statement has ${thousands(words.length)} words, under your minimum of ${thousands(settings.minWords)}; add specifics about your work and goals`
          : `The statement has ${thousands(words.length)} words, fewer than the ${thousands(settings.minWords)} usual for a ${name}; add specifics about your work and goals`
      })
    }
  }
})
