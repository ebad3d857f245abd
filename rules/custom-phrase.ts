// User rules without code: `phrases` in the config, each reported under its own id or this one.
import {matchList, type PhraseEntry} from '../src/core/phrases.ts'
import {defineRule} from '../src/core/rule.ts'
import {quote} from './util.ts'

/** Phrases the user lists in the configuration. */
export default defineRule({
  meta: {
    id: 'custom-phrase',
    ownIds: true,
    description: 'Phrases you list under `phrases` in your configuration',
    rationale: 'Advisers and writing centres keep their own lists of phrases to avoid; `phrases` lets a project add them without code.',
    defaultLevel: 'warn',
    fix: 'suggest',
    type: 'suggestion',
    example: {before: '"phrases": [{"phrase": "utilize", "replace": "use"}] flags `We utilize GPUs.`', after: 'We use GPUs.'}
  },
  check({doc, settings, options, report}) {
    void options
    settings.phrases.forEach((phrase, index) => {
      if (phrase.level === 'off') return
      const entry: PhraseEntry = {phrase: phrase.phrase, reason: '', examples: [], replace: phrase.replace !== undefined ? [phrase.replace] : undefined}
      for (const match of matchList(doc, String(index), [entry])) {
        const actual = doc.text.slice(match.start, match.end)
        const expected = phrase.replace !== undefined ? [phrase.replace] : []
        const text = phrase.message ?? (expected.length ? `${quote(actual)} is on this project's list of phrases to avoid; write ${quote(expected[0])}` : `${quote(actual)} is on this project's list of phrases to avoid`)
        report({start: match.start, end: match.end, message: text, expected, ruleId: phrase.ruleId, level: phrase.level})
      }
    })
  }
})
