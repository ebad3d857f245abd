import data from './data/hedge.yml'
import {type PhraseEntry} from '../src/core/phrases.ts'
import {defineRule} from '../src/core/rule.ts'
import {expandEntries} from './inflect.ts'
import {reportPhrases} from './util.ts'

/** Weak and mitigating words that undercut a claim. */
export default defineRule({
  meta: {
    id: 'hedge',
    phrases: expandEntries(data as PhraseEntry[]),
    description: 'Hedges and weak intensifiers ("quite", "I think that", "somewhat")',
    rationale:
      'A statement argues that you are ready. Hedges ("quite fluent", "I think that I am suited") tell the reader you are unsure; a fact persuades where a hedge does not. Phrase list: rules/data/hedge.yml.',
    defaultLevel: 'info',
    fix: 'suggest',
    type: 'suggestion',
    example: {before: 'I became quite fluent in deep learning.', after: 'I trained and deployed three detection models in production.'}
  },
  check(context) {
    reportPhrases(context)
  }
})
