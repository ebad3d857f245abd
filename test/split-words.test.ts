// One word written as two (rules/data/split-words.yml): each family fires on its examples and
// stays quiet on pairs that are right as two words, including the open compounds a dictionary
// also writes joined.
import {beforeAll, describe, expect, it} from 'vitest'
import {lint, prepare} from '../src/index.ts'

beforeAll(() => prepare(), 180_000)

const spelled = async (text: string) => (await lint(text, {config: {rules: {spelling: 'warn'}}})).messages.filter((m) => m.ruleId === 'spelling').map((m) => [m.actual, m.expected?.[0]])

const fires: Array<[string, string, string]> = [
  ['closed compound', 'My first robot was the master piece of my teens.', 'masterpiece'],
  ['closed compound, plural', 'Two of my class mates joined the lab.', 'classmates'],
  ['closed compound, opening a sentence', 'Home work took most of my evenings.', 'Homework'],
  ['pronoun and self', 'I taught my self to solder.', 'myself'],
  ['kin', 'My grand mother kept bees.', 'grandmother'],
  ['prefix joined', 'I took a post graduate course in optics.', 'postgraduate'],
  ['prefix joined', 'Signals move the fore ground of the picture.', 'foreground'],
  ['prefix with a hyphen', 'We proved the set is non empty.', 'nonempty'],
  ['prefix with a hyphen', 'The planner handles multi robot teams.', 'multi-robot']
]

const quiet: Array<[string, string]> = [
  ['open compounds both ways', 'The file system, the time zone, the data set and the web page were mine.'],
  ['phrases the brief names', 'Over time, some time, every one of them, any more, may be, work out, set up.'],
  ['verbs and particles', 'We had to break through the wall and back up the data.'],
  ['halves that make a phrase', 'My heart beat faster; more over time; there by the window; with in vitro models.'],
  ['a possessive before a self- compound', 'My self study of robotics began early.'],
  ['a prefix before a conjunction', 'We did the pre and post processing by hand.'],
  ['right as two words', 'The post office and the post mortem were closed.'],
  ['capitals inside a sentence', 'I read Master Piece Theatre reviews.']
]

describe('split words', () => {
  for (const [family, text, expected] of fires) {
    it(`fires: ${family}: ${text}`, async () => {
      const found = await spelled(text)
      expect(found.map((f) => f[1])).toContain(expected)
    })
  }
  for (const [why, text] of quiet) {
    it(`stays quiet: ${why}`, async () => expect(await spelled(text)).toEqual([]))
  }
})
