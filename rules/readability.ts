// The algorithms of retext-readability, with its word lists as Sets: identical verdicts at a
// fraction of the cost (the package looks each word up with Array.includes in lists of
// thousands of entries).
import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChall} from 'dale-chall'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {gunningFog} from 'gunning-fog'
import {smogFormula} from 'smog-formula'
import {spache} from 'spache'
import {spacheFormula} from 'spache-formula'
import {syllable} from 'syllable'
import {defineRule} from '../src/core/rule.ts'

let familiar: Set<string> | undefined
let easy: Set<string> | undefined
const syllables = new Map<string, number>()

const gradeToAge = (grade: number) => Math.round(grade + 5)
const fleschToAge = (value: number) => 20 - Math.floor(value / 10)
const smogToAge = (value: number) => Math.ceil(Math.sqrt(value) + 2.5)

/** Sentences most readability formulas rate as too hard for an adult academic reader. */
export default defineRule<{age: number; threshold: number; minWords: number}>({
  meta: {
    id: 'readability',
    description: 'Sentences that most readability formulas rate too hard for an adult academic reader',
    rationale:
      'Committees read hundreds of statements. A sentence that seven readability formulas (Flesch, Dale-Chall, SMOG, Gunning fog and others, as in retext-readability) agree is hard costs attention that your ideas need. Tuned for graduate-level readers: ordinary academic sentences pass.',
    defaultLevel: 'info',
    fix: 'none',
    type: 'suggestion',
    options: {
      age: {type: 'number', default: 22, description: 'Reading age of the target reader'},
      threshold: {type: 'number', default: 5 / 7, description: 'Share of the seven formulas that must agree'},
      minWords: {type: 'number', default: 12, description: 'Shorter sentences are not scored'}
    },
    example: {
      before: 'Institutionalized interdisciplinary methodological considerations notwithstanding, computationally sophisticated representational architectures necessitate extraordinarily comprehensive experimentation.',
      after: 'Methods from several fields help, but large models still need careful experiments.'
    }
  },
  check({doc, options, report}) {
    familiar ??= new Set(spache)
    easy ??= new Set(daleChall)
    // Cleared for each sentence rather than made anew: this runs for every sentence.
    const familiarSeen = new Set<string>()
    const easySeen = new Set<string>()
    for (const sentence of doc.sentences) {
      if (sentence.block.kind !== 'paragraph') continue
      const words = sentence.words
      if (words.length < options.minWords) continue
      familiarSeen.clear()
      easySeen.clear()
      let complexPolysillabicWord = 0
      let polysillabicWord = 0
      let totalSyllables = 0
      let letters = 0
      for (const word of words) {
        const value = word.text
        let count = syllables.get(value)
        if (count === undefined) {
          count = syllable(value)
          if (syllables.size < 50000) syllables.set(value, count)
        }
        totalSyllables += count
        letters += value.length
        if (count >= 3) {
          polysillabicWord++
          if (value.charCodeAt(0) === word.norm.charCodeAt(0)) complexPolysillabicWord++
        }
        if (familiar.has(word.norm)) familiarSeen.add(word.norm)
        if (easy.has(word.norm)) easySeen.add(word.norm)
      }
      const counts = {
        character: letters,
        complexPolysillabicWord,
        difficultWord: words.length - easySeen.size,
        letter: letters,
        polysillabicWord,
        sentence: 1,
        syllable: totalSyllables,
        unfamiliarWord: words.length - familiarSeen.size,
        word: words.length
      }
      const scores = [
        gradeToAge(automatedReadability(counts)),
        gradeToAge(colemanLiau(counts)),
        gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
        fleschToAge(flesch(counts)),
        gradeToAge(gunningFog(counts)),
        smogToAge(smogFormula(counts)),
        gradeToAge(spacheFormula(counts))
      ]
      const hard = scores.filter((s) => s > options.age).length
      if (hard / scores.length < options.threshold) continue
      report({
        start: sentence.start,
        end: sentence.end,
        message: `This sentence is hard to read (${hard} of ${scores.length} readability formulas rate it above a graduate reading level); use shorter words and split it`
      })
    }
  }
})
