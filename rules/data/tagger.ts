// The part-of-speech tagger of the grammar-pattern rule: wink-nlp with its English web model
// (4.6 MB). Loaded through the data loader on the first text that needs it, never at start-up;
// the Node build keeps it in dist/tagger.cjs, a browser build in a chunk of its own.
import winkNLP from 'wink-nlp'
import type model from 'wink-eng-lite-web-model'
import core from 'wink-eng-lite-web-model/dist/load-core-model.js'
import sbd from 'wink-eng-lite-web-model/dist/load-sbd-model.js'
import pos from 'wink-eng-lite-web-model/dist/load-pos-model.js'
import negation from 'wink-eng-lite-web-model/dist/load-negation-model.js'
import metaCER from 'wink-eng-lite-web-model/dist/load-cer-meta-model.js'
import featureFn from 'wink-eng-lite-web-model/dist/feature.js'
import stem from 'wink-eng-lite-web-model/dist/porter-stemmer.js'
import lemmatize from 'wink-eng-lite-web-model/dist/lemmatize.js'
import readabilityStats from 'wink-eng-lite-web-model/dist/readability-stats.js'

/** One tagged word: its text, universal part of speech and lemma. */
export interface Tagged {
  text: string
  pos: string
  lemma: string
  /** Offset of the word in the text that was tagged. */
  start: number
}

/** Tag a stretch of text (a sentence). */
export type Tag = (text: string) => Tagged[]

// The model as the package's own model.js puts it together from these parts, less the entity and
// sentiment models (0.6 MB of JSON): wink builds the machines of every model it is given, whatever
// the pipe asks for, and only tagging runs here. They are given as machines that recognise
// nothing: wink still makes each machine over the same cache, and never runs them.
const emptyMachine = JSON.stringify([100, 0, {0: {}}, {}, {}, {}])
const posOnly = {
  core,
  sbd,
  pos,
  ner: () => ({machines: [emptyMachine], transformers: []}),
  negation,
  sa: () => ({machines: [emptyMachine], setter: () => undefined}),
  metaCER,
  featureFn,
  addons: {stem, lemmatize, readabilityStats, wordVectors: undefined}
} as unknown as typeof model

/** Build the tagger (the model is parsed here). A named export: a CommonJS chunk has no default. */
export function makeTagger(): Tag {
  const nlp = winkNLP(posOnly, ['pos'])
  const its = nlp.its
  return (text) => {
    const tokens = nlp.readDoc(text).tokens()
    const words = tokens.out() as string[]
    const pos = tokens.out(its.pos) as string[]
    // The lemma is an add-on of the model; its type in wink-nlp's declarations does not fit out()'s.
    const lemma = tokens.out(its.lemma as unknown as typeof its.pos) as string[]
    const out: Tagged[] = []
    let cursor = 0
    for (let i = 0; i < words.length; i++) {
      const at = text.indexOf(words[i], cursor)
      if (at >= 0) cursor = at + words[i].length
      out.push({text: words[i], pos: pos[i], lemma: lemma[i], start: at})
    }
    return out
  }
}
