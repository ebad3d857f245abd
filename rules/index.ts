// The rule registry: explicit and alphabetical. A rule's file name is its id.
import type {Rule} from '../src/core/rule.ts'
import boldOveruse from './bold-overuse.ts'
import collocation from './collocation.ts'
import confusable from './confusable.ts'
import consistency from './consistency.ts'
import customPhrase from './custom-phrase.ts'
import draftNote from './draft-note.ts'
import grammarPattern from './grammar-pattern.ts'
import grammarSlip from './grammar-slip.ts'
import hedge from './hedge.ts'
import indefiniteArticle from './indefinite-article.ts'
import length from './length.ts'
import letterFormality from './letter-formality.ts'
import missingSpecifics from './missing-specifics.ts'
import passiveVoice from './passive-voice.ts'
import placeholder from './placeholder.ts'
import readability from './readability.ts'
import redundantAcronym from './redundant-acronym.ts'
import repeatedWord from './repeated-word.ts'
import repetitiveStart from './repetitive-start.ts'
import sentenceLength from './sentence-length.ts'
import spelling from './spelling.ts'
import stockPhrase from './stock-phrase.ts'
import targetMismatch from './target-mismatch.ts'
import targetMissing from './target-missing.ts'
import terminology from './terminology.ts'
import typography from './typography.ts'
import unknownRule from './unknown-rule.ts'
import unpunctuatedEnd from './unpunctuated-end.ts'

/** Every rule soplint has, in alphabetical order. */
export const rules: readonly Rule<any>[] = [
  boldOveruse,
  collocation,
  confusable,
  consistency,
  customPhrase,
  draftNote,
  grammarPattern,
  grammarSlip,
  hedge,
  indefiniteArticle,
  length,
  letterFormality,
  missingSpecifics,
  passiveVoice,
  placeholder,
  readability,
  redundantAcronym,
  repeatedWord,
  repetitiveStart,
  sentenceLength,
  spelling,
  stockPhrase,
  targetMismatch,
  targetMissing,
  terminology,
  typography,
  unknownRule,
  unpunctuatedEnd,
]
