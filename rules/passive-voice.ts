// Our own passive detection rather than retext-passive: that plugin knows only irregular
// participles and needs the auxiliary right before them, so it misses "was introduced" and
// "have also been listed", the commonest passives in statements.
import data from './data/passive.yml'
import {defineRule} from '../src/core/rule.ts'
import type {Token} from '../src/core/types.ts'
import {quote} from './util.ts'
import {indexOfToken} from './tokens.ts'

// Past forms only: a statement's passives that hide the writer's part are about what was done
// ("was introduced", "have been listed"); present and modal ones ("is flawed", "can be
// sampled") state facts and open questions in research prose, and flagging them was noise.
const be = new Set(['was', 'were', 'been'])
const irregular = new Set<string>(data.irregular)
const adjectival = new Set<string>(data.adjectival)
const between = new Set<string>(data.between)
const feeling = new Set<string>(data.feeling)
const feelingBefore = new Set<string>(data.feelingBefore)
const regular = /^[a-z]{2,}(?:ed)$/

/** A form of "be" followed by a past participle. */
export default defineRule({
  meta: {
    id: 'passive-voice',
    description: 'Passive voice that hides who did the work',
    rationale:
      'In a statement the reader wants to know what you did. "A new model was proposed" hides the actor; "I proposed a new model" claims the work. Only past passives are flagged ("was introduced", "have been listed"), the ones that narrate work; present and modal passives ("is flawed", "can be sampled") and states such as "interested in" or "based in" are not, nor are feelings ("I was scared to take a chance", "we were shocked that").',
    defaultLevel: 'info',
    fix: 'none',
    type: 'suggestion',
    example: {before: 'Here I was introduced to attention models.', after: 'Here I learned to build attention models.'}
  },
  check({doc, report}) {
    for (const sentence of doc.sentences) {
      const words = sentence.words
      for (let i = 0; i < words.length; i++) {
        if (!be.has(words[i].norm) || !isAuxiliary(words[i], sentence.tokens)) continue
        let j = i + 1
        while (j < words.length && (between.has(words[j].norm) || /ly$/.test(words[j].norm)) && !isParticiple(words[j]) && j - i < 4) j++
        const participle = words[j]
        if (!participle || !isParticiple(participle) || adjectival.has(participle.norm)) continue
        // "I was scared to take a chance": how the writer felt, not what was done to them.
        if (feeling.has(participle.norm) && feelingBefore.has(words[j + 1]?.norm ?? '') && adjacent(sentence.tokens, participle, words[j + 1])) continue
        if (!adjacent(sentence.tokens, words[i], participle)) continue
        // "have also been listed": the passive starts at the auxiliary "have".
        let first = i
        if (words[i].norm === 'been') {
          let k = i - 1
          while (k >= 0 && k > i - 3 && (between.has(words[k].norm) || /ly$/.test(words[k].norm))) k--
          if (k >= 0 && ['have', 'has', 'had', "'ve"].includes(words[k].norm) && adjacent(sentence.tokens, words[k], words[i])) first = k
        }
        const actual = doc.text.slice(words[first].start, participle.end)
        report({
          start: words[first].start,
          end: participle.end,
          message: `${quote(actual)} is passive; say who did it, and if it was you, write it with "I"`
        })
        i = j
      }
    }
  }
})

function isParticiple(word: Token): boolean {
  return irregular.has(word.norm) || (regular.test(word.norm) && word.kind === 'word' && !/^[A-Z]/.test(word.text))
}

// The "be" word must be a word of its own ("'s" only after a pronoun that takes "is").
function isAuxiliary(word: Token, tokens: Token[]): boolean {
  if (word.norm === "'s") {
    const i = indexOfToken(tokens, word)
    return i > 0 && ['it', 'he', 'she', 'that', 'this', 'there', 'what'].includes(tokens[i - 1].norm)
  }
  return true
}

// No punctuation may stand between the auxiliary and the participle.
function adjacent(tokens: Token[], from: Token, to: Token): boolean {
  const a = indexOfToken(tokens, from)
  const b = indexOfToken(tokens, to)
  for (let k = a + 1; k < b; k++) if (tokens[k].kind !== 'word') return false
  return true
}
