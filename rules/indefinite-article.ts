import retextIndefiniteArticle from 'retext-indefinite-article'
import {defineRule} from '../src/core/rule.ts'
import type {Token} from '../src/core/types.ts'
import {firstTokenFrom} from './tokens.ts'
import {quote, transformerOf} from './util.ts'

/** `a` before a vowel sound, `an` before a consonant sound. */
export default defineRule({
  meta: {
    id: 'indefinite-article',
    description: '`a` or `an` that does not match the sound of the next word',
    rationale: '"an unique", "a MSc" and "a hour" read as slips; the article follows the sound, not the letter.',
    defaultLevel: 'warn',
    retext: {transformer: transformerOf(retextIndefiniteArticle), mayFire: (sentence) => sentence.tokens.some((t) => t.norm === 'a' || t.norm === 'an')},
    fix: 'suggest',
    type: 'problem',
    example: {before: 'I hold a MSc in mathematics and wrote an unique thesis.', after: 'I hold an MSc in mathematics and wrote a unique thesis.'}
  },
  check({doc, report, retext}) {
    const tokens = doc.tokens
    for (const {message, start, end} of retext) {
      // Math, code and citations stand in the prose as a placeholder word whose sound is unknown
      // (`an $F_1$` is read "an eff-one"): the article before one is not judged.
      if (tokens[firstTokenFrom(tokens, end)]?.kind === 'code') continue
      const actual = doc.text.slice(start, end)
      const expected = (message.expected ?? []).map((e) => (/^A/.test(actual) ? e[0].toUpperCase() + e.slice(1) : e))
      if (expected.length === 0) continue
      report({start, end, message: `${quote(actual)} does not match the sound of the next word; write ${expected.map(quote).join(' or ')}`, expected})
    }
  }
})

