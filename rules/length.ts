import {presets} from '../src/config/presets.ts'
import {defineRule} from '../src/rule.ts'

const fmt = (n: number) => n.toLocaleString('en-US')

/** The document's word count against the preset's range. */
export default defineRule({
  meta: {
    id: 'length',
    description: 'Word count outside the range for the kind of statement',
    rationale:
      'Programs and employers set limits, and readers notice a statement that runs long or stops short. The presets follow common limits: about 1,000 words for a statement of purpose, 900 for a personal statement, 2,000 for a research statement and one page (about 400 words) for a cover letter. Set `maxWords` in front matter or config for your own limit.',
    defaultLevel: 'warn',
    fix: 'none',
    example: {before: 'A 1,400-word statement for a program that asks for 1,000.', after: 'The same story in 950 words.'}
  },
  check({doc, settings, report}) {
    const words = doc.words
    if (words.length === 0) return
    const name = presets[settings.kind] ? settings.kind : 'sop'
    if (words.length > settings.maxWords) {
      const over = words.length - settings.maxWords
      report({
        start: words[settings.maxWords].start,
        end: words[words.length - 1].end,
        message: `The statement has ${fmt(words.length)} words, ${fmt(over)} over the limit of ${fmt(settings.maxWords)} for a ${name}; cut ${fmt(over)} words (the text past the limit is marked)`
      })
    } else if (words.length < settings.minWords) {
      const first = doc.sentences[0]
      report({
        start: first.start,
        end: first.end,
        message: `The statement has ${fmt(words.length)} words, under the ${fmt(settings.minWords)} expected for a ${name}; add specifics about your work and goals`
      })
    }
  }
})
