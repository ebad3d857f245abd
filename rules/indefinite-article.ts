import type {Sentence as NlcstSentence} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
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
    retext: {transformer: transformerOf(retextIndefiniteArticle), mayFire: (sentence) => sentence.tokens.some((t) => t.norm === 'a' || t.norm === 'an'), narrow: aroundArticles},
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


// What retext-indefinite-article reads around an `a` or `an`: back to the word before it (it asks
// whether the article opens the sentence) and the three nodes after it (a space, perhaps a quote
// or bracket, the next word). The stretches around each article, merged where they meet, are all
// the plugin needs to walk; the rest of the sentence was most of its time.
function aroundArticles(sentence: NlcstSentence): Array<[number, number]> {
  const nodes = sentence.children
  const ranges: Array<[number, number]> = []
  let lastWord = -1
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i].type !== 'WordNode') continue
    const norm = nlcstToString(nodes[i]).toLowerCase()
    if (norm === 'a' || norm === 'an') {
      const from = Math.max(0, lastWord)
      const to = Math.min(nodes.length, i + 4)
      const last = ranges[ranges.length - 1]
      if (last && from <= last[1]) last[1] = Math.max(last[1], to)
      else ranges.push([from, to])
    }
    lastWord = i
  }
  return ranges
}
