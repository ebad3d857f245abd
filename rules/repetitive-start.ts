// "I" opens a third of the sentences in most good statements, so the same first word alone is not
// a finding; the same first two words three times in a row ("I am ... I am ... I am") is, and so
// is the same first word three times when it is a word a reader hears ("Also", "This").
import {defineRule} from '../src/core/rule.ts'
import type {Sentence} from '../src/core/types.ts'
import {quote} from './util.ts'
import {indexOfToken} from './tokens.ts'

interface Options {
  run: number
  maxIShare: number
  minSentences: number
}

// Contractions open with two words: "I'm" is "I am". A Map, not an object: a sentence may open
// with "Constructor" or "toString", which an object would answer from its prototype.
const expansions = new Map<string, string[]>([
  ["i'm", ['i', 'am']],
  ["i've", ['i', 'have']],
  ["i'd", ['i', 'would']],
  ["i'll", ['i', 'will']],
  ["it's", ['it', 'is']],
  ["we're", ['we', 'are']],
  ["we've", ['we', 'have']]
])

// A run of one repeated first word is reported only for words a reader hears as a tic: pronouns
// that point back and transitions ("This ... This ... This", "Also ... Also ... Also"). A repeated
// noun ("Code is awful. Code is wonderful. Code ...") is usually deliberate.
const audible = new Set([
  'this', 'these', 'that', 'those', 'it', 'there', 'he', 'she', 'they', 'you', 'also', 'additionally', 'moreover',
  'furthermore', 'further', 'however', 'then', 'so', 'thus', 'hence', 'therefore', 'but', 'and', 'besides', 'finally',
  'lastly', 'next', 'here', 'such', 'another', 'being', 'having', 'apart', 'along', 'overall', 'similarly', 'likewise',
  'consequently', 'subsequently', 'later', 'now', 'today', 'currently', 'recently', 'again', 'still', 'yet', 'indeed',
  'hopefully', 'thankfully', 'fortunately', 'unfortunately', 'interestingly', 'importantly', 'specifically', 'particularly'
])

/** Consecutive sentences opening with the same words. */
export default defineRule<Options>({
  meta: {
    id: 'repetitive-start',
    description: 'Consecutive sentences opening with the same words',
    rationale:
      'Three sentences in a row that open the same way ("I am ... I am ... I am") read as a list and bury what each sentence adds; when most sentences open with "I", the statement reads as an inventory of the writer rather than an account of the work. Starting some sentences with the context, the problem or the result varies the rhythm and puts the new information first (Williams and Bizup, Style: Lessons in Clarity and Grace, on topics and old-before-new).',
    defaultLevel: 'warn',
    fix: 'none',
    type: 'suggestion',
    options: {
      run: {type: 'number', default: 3, description: 'Sentences in a row with the same opening that are reported'},
      maxIShare: {type: 'number', default: 0.5, description: 'Largest share of the sentences that may open with "I"'},
      minSentences: {type: 'number', default: 10, description: 'Fewest sentences before the share of "I" openings is judged'}
    },
    example: {
      before: 'I am a final-year student of physics. I am applying for the MSc in Astrophysics. I am keen to work on exoplanet atmospheres.',
      after: 'I am a final-year physics student applying for the MSc in Astrophysics. Exoplanet atmospheres are what I want to work on.'
    }
  },
  check({doc, options, report}) {
    const body = doc.sentences.filter((s) => s.block.kind === 'paragraph' && !s.block.inList && !s.block.inQuote && s.words.length >= 2)

    // Runs: the same first two words, or the same first word when a reader hears it. A run
    // may cross into the next paragraph, not past a heading or a list.
    const reported: Array<[number, number]> = []
    for (const n of [2, 1]) {
      let run: Sentence[] = []
      const flush = () => {
        if (run.length < options.run) return
        // Short parallel sentences are a figure of speech ("Code is awful. Code is wonderful.").
        if (run.reduce((sum, r) => sum + r.words.length, 0) / run.length < 8) return
        const [from, to] = [run[0].index, run[run.length - 1].index]
        if (reported.some(([a, b]) => a <= from && to <= b)) return
        reported.push([from, to])
        const [s, e] = opening(run[options.run - 1], n)
        report({
          start: s,
          end: e,
          message: `${capital(count(run.length))} sentences in a row open with ${quote(opener(doc.text, run[0], n))}; vary the openings, for example by starting with the context or the result`
        })
      }
      for (let i = 0; i < body.length; i++) {
        const sentence = body[i]
        const prev = run[run.length - 1]
        const joined = prev !== undefined && (prev.block === sentence.block || prev.block.index + 1 === sentence.block.index)
        const key = firstWords(sentence).slice(0, n)
        // "Also, I ..." repeats "Also"; the pair counts only when nothing stands between its words.
        const ok = key.length === n && (n === 2 ? adjacentPair(sentence) : audible.has(key[0]))
        if (joined && ok && firstWords(prev).slice(0, n).join(' ') === key.join(' ')) {
          run.push(sentence)
          continue
        }
        flush()
        run = ok ? [sentence] : []
      }
      flush()
    }

    // Document level: most sentences open with "I".
    if (body.length >= options.minSentences) {
      const withI = body.filter((s) => firstWords(s)[0] === 'i')
      const share = withI.length / body.length
      if (share > options.maxIShare) {
        const first = withI[0].words[0]
        report({
          start: first.start,
          end: first.end,
          message: `${Math.round(share * 100)}% of the sentences (${withI.length} of ${body.length}) open with ${quote('I')}; start some with the context, the problem or the result instead`
        })
      }
    }
  }
})

function firstWords(sentence: Sentence): string[] {
  const out: string[] = []
  for (const w of sentence.words.slice(0, 2)) out.push(...(expansions.get(w.norm) ?? [w.norm]))
  return out.slice(0, 2)
}

function adjacentPair(sentence: Sentence): boolean {
  const [a, b] = sentence.words
  if (expansions.has(a.norm)) return true
  return b !== undefined && indexOfToken(sentence.tokens, b) === indexOfToken(sentence.tokens, a) + 1
}

// The source range of a sentence's first n words (a contraction counts as two).
function opening(sentence: Sentence, n: number): [number, number] {
  const first = sentence.words[0]
  const end = expansions.has(first.norm) || n === 1 ? first.end : (sentence.words[1] ?? first).end
  return [first.start, end]
}

function opener(text: string, sentence: Sentence, n: number): string {
  const [s, e] = opening(sentence, n)
  return text.slice(s, e)
}

function count(n: number): string {
  return ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n)
}

function capital(s: string): string {
  return s[0].toUpperCase() + s.slice(1)
}
