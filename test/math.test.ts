// Math is not prose: `$...$` in Markdown and in LaTeX reaches the rules as a placeholder token that
// no article or spelling rule judges, while prices written with dollars stay prose.
import {describe, expect, it} from 'vitest'
import {lint, type Config} from '../src/index.ts'
import {mathRanges} from '../src/core/math.ts'

const rules = (...ids: string[]): Config => ({rules: Object.fromEntries(ids.map((id) => [id, 'warn']))})
const ids = async (text: string, format: 'md' | 'tex', ...only: string[]) =>
  (await lint(text, {format, config: rules(...only)})).messages.filter((m) => only.includes(m.ruleId)).map((m) => `${m.ruleId} ${m.actual}`)
const tex = (body: string) => `\\documentclass{article}\n\\begin{document}\n${body}\n\\end{document}\n`

describe('math is a token no article or spelling rule judges', () => {
  const sentences = [
    'We report a $\\alpha$ of 0.05 for every test in the study.',
    'The classifier reached an $F_1$ of 0.82 on the held-out data.',
    'I wrote $\\mathrm{teh}$ as the name of the operator in the paper.',
    'A $O(n)$ bound holds for an $n$-vertex graph in our setting.'
  ]
  for (const sentence of sentences) {
    it(`in Markdown: ${sentence}`, async () => expect(await ids(sentence, 'md', 'indefinite-article', 'spelling')).toEqual([]))
    it(`in LaTeX: ${sentence}`, async () => expect(await ids(tex(sentence), 'tex', 'indefinite-article', 'spelling')).toEqual([]))
  }

  it('still judges the words around the math', async () => {
    expect(await ids('We used an $F_1$ score and a hour long test on teh data.', 'md', 'indefinite-article', 'spelling')).toEqual(['indefinite-article a', 'spelling teh'])
  })

  it('keeps prices as prose', async () => {
    expect(await ids('The grant paid $5 and a hour of $10 work.', 'md', 'indefinite-article')).toEqual(['indefinite-article a'])
  })
})

describe('mathRanges', () => {
  const table: Array<[string, string[]]> = [
    ['an $F_1$ score', ['$F_1$']],
    ['$x$ and $y$', ['$x$', '$y$']],
    ['costs $5 and $10', []],
    ['from $5-$10 a day', []],
    ['$ x$ and $y $', []],
    ['escaped \\$ signs $a\\$b$ here', ['$a\\$b$']],
    ['no dollars at all', []]
  ]
  for (const [text, expected] of table) {
    it(JSON.stringify(text), () => expect(mathRanges(text).map(([a, b]) => text.slice(a, b))).toEqual(expected))
  }
})
