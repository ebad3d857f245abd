// target-missing and target-mismatch: a valid/invalid table in the manner of ESLint's RuleTester,
// with the target and the other files' targets given as configuration (as the CLI passes them).
import {describe, expect, it} from 'vitest'
import {lint, type Config} from '../src/index.ts'

const rules = {'target-missing': 'warn', 'target-mismatch': 'error'} as const

async function findings(text: string, config: Config) {
  const {messages} = await lint(text, {config: {rules: {...rules}, ...config}, only: Object.keys(rules)})
  return messages.map((m) => ({ruleId: m.ruleId, level: m.level, actual: m.actual, offset: m.offset, expected: m.expected, message: m.message}))
}

describe('target-missing', () => {
  const named: Array<[string, string]> = [
    ['Carnegie Mellon University', 'I want to join the Robotics Institute at CMU.'],
    ['Carnegie Mellon University', 'Carnegie Mellon is where planning research happens.'],
    ['ETH Zurich', 'The systems group at ETH builds the tools I use.'],
    ['ETH Zurich', 'I hope to study at ETHZ next year.'],
    ['ETH Zurich', 'I hope to study at ETH Zürich next year.'],
    ['Massachusetts Institute of Technology', 'I am applying to MIT for its work on robotics.'],
    ['University of California, Los Angeles', 'UCLA has the neuroscience faculty I admire.'],
    ['University of California, Los Angeles', 'The University of California, Los Angeles has a strong program.'],
    ['Stripe', 'I would love to build payment infrastructure at Stripe.'],
    ['Stripe, Inc.', 'I would love to build payment infrastructure at Stripe.'],
    ['Princeton University', 'PRINCETON UNIVERSITY is my first choice.'],
    ['Princeton University', "Princeton's program in computational biology drew me in."],
    ['University of Waterloo', 'Waterloo taught me to ship code on co-op terms.'],
    ['Indian Institute of Technology Bombay', 'I hope to join IIT Bombay for my master’s.'],
    ['Georgia Institute of Technology', 'Georgia Tech offers the online program I need.'],
    ['Acme Robotics, Inc.', 'I would love to build warehouse robots at Acme.'],
    ['University of Wisconsin - Madison', "At Wisconsin, Professor Osswald's group models polymer flow."]
  ]
  for (const [target, text] of named) {
    it(`is quiet when ${JSON.stringify(text)} names ${target}`, async () => {
      expect(await findings(text, {target})).toEqual([])
    })
  }

  it('is silent without a target', async () => {
    expect(await findings('I believe this program is the right place for me.', {})).toEqual([])
  })

  it('warns once, on the first sentence of the closing paragraph, skipping a sign-off', async () => {
    const text =
      'I have built compilers for three years and want to study how to verify them.\n\n' +
      'I believe this program is the right place for the next step of my research career. It has the faculty I need.\n\n' +
      'Sincerely,\nAsha Rao\n'
    const result = await findings(text, {target: 'Princeton University'})
    expect(result).toHaveLength(1)
    expect(result[0]).toMatchObject({ruleId: 'target-missing', level: 'warning', actual: 'I believe this program is the right place for the next step of my research career.'})
    expect(result[0].offset).toBe(text.indexOf('I believe'))
    expect(result[0].message).toContain('`Princeton University`')
  })

  it('counts a LaTeX target kept in a macro the prose does not show', async () => {
    const tex = (school: string) =>
      `\\documentclass{article}\n\\newcommand{\\school}{${school}}\n% Yale University: a note in a comment does not count\n\\begin{document}\nI hope to join the systems group at \\school{} and to build verified storage engines there.\n\\end{document}\n`
    const run = async (text: string) => (await lint(text, {format: 'tex', config: {target: 'Yale University', rules: {...rules}}, only: ['target-missing']})).messages
    expect(await run(tex('Yale'))).toEqual([])
    expect((await run(tex('Cornell'))).map((m) => m.ruleId)).toEqual(['target-missing'])
  })

  it('skips a closing reference list and list items', async () => {
    const text =
      'I built a storage engine for my thesis, and I want to learn how to prove such engines correct.\n\n' +
      '- Rust, C++ and Coq\n- Two workshop papers on storage engines\n\n' +
      '[1] A. Rao and B. Lee, "Crash-safe logs for embedded databases," in Proc. Workshop on Storage Systems, 2023.\n'
    const result = await findings(text, {target: 'Princeton University'})
    expect(result.map((r) => [r.ruleId, r.offset])).toEqual([['target-missing', 0]])
  })

  it('says letter in a cover letter', async () => {
    const result = await findings('I have five years of experience building payment systems and I would like to bring it to your team.', {target: 'Stripe', kind: 'cover-letter'})
    expect(result.map((r) => r.message)).toEqual(['This letter never names its target, `Stripe`; say what draws you to it, for example in the closing paragraph'])
  })
})

describe('target-mismatch', () => {
  const flagged: Array<[string, string, string]> = [
    ['Princeton University', 'the faculty at Cornell would help me grow as a researcher.', 'Cornell'],
    ['Princeton University', 'I am excited to apply to the PhD program at Yale.', 'Yale'],
    ['Princeton University', 'Why Stanford? Its systems group builds what I use.', 'Stanford'],
    ['Princeton University', 'I hope to pursue my PhD at the University of Washington.', 'University of Washington'],
    ['Princeton University', 'I look forward to joining the lab at IIT Bombay.', 'IIT Bombay'],
    ['Stripe', 'I would love to join Adyen and help merchants grow.', 'Adyen'],
    ['Stripe', "I am eager to contribute to Adyen's mission.", 'Adyen'],
    ['Stripe', 'Joining Revolut would let me work on the problems I care about.', 'Revolut'],
    ['Stripe', 'Dear Adyen Hiring Team, I am writing about the backend role.', 'Adyen'],
    ['Stripe', 'I am excited about the Software Engineer role at Adyen.', 'Adyen'],
    ['Stripe', "Adyen's mission to make payments simple resonates with me.", 'Adyen'],
    ['Carnegie Mellon University', 'I am eager to attend Cambridge for its machine learning group.', 'Cambridge'],
    ['University of California, Los Angeles', 'I hope to study neuroscience at UC Berkeley.', 'UC Berkeley'],
    ['Indian Institute of Technology, Bombay', 'I hope to join the M.Tech program at IIT Delhi.', 'IIT Delhi'],
    ['Spotify', 'I believe I would be a great asset to Deezer.', 'Deezer']
  ]
  for (const [target, text, name] of flagged) {
    it(`flags ${name} in ${JSON.stringify(text)} (target ${target})`, async () => {
      const result = (await findings(text, {target})).filter((r) => r.ruleId === 'target-mismatch')
      expect(result).toHaveLength(1)
      expect(result[0]).toMatchObject({level: 'error', actual: name, offset: text.indexOf(name), expected: [target]})
      expect(result[0].message).toMatch(/^`[^`]+` is named as the (school you are applying to|company you want to join), but this (statement|letter) is for `[^`]+`; write `[^`]+` or rewrite the sentence$/)
    })
  }

  const quiet: Array<[string, string]> = [
    ['Princeton University', "I did my bachelor's at Anna University."],
    ['Princeton University', 'My advisor at IIT Bombay taught me to read proofs slowly.'],
    ['Princeton University', 'I graduated from the University of Michigan in 2020.'],
    ['Princeton University', 'I interned at Google and worked at Flipkart.'],
    ['Princeton University', "Prof. Smith's work at Stanford on program repair drew me to the field."],
    ['Princeton University', 'I am currently a research assistant at Carnegie Mellon.'],
    ['Princeton University', 'After my PhD, I hope to join Google Research.'],
    ['Princeton University', 'I hope to collaborate with researchers from MIT.'],
    ['Princeton University', 'We used Stanford CoreNLP to tag the corpus.'],
    ['Princeton University', 'I was delighted to join Cornell as a summer student in 2021.'],
    ['Princeton University', 'I am applying to Princeton because of its theory group.'],
    ['Princeton University', 'Someday I would like to visit Cambridge.'],
    ['Stripe', 'At Flipkart I built the pricing service.'],
    ['Stripe', 'I interned at Google in 2022.'],
    ['Stripe', 'I would love to join Stripe and help merchants grow.'],
    ['Stripe', 'After Stripe, I might pursue a PhD at Stanford.'],
    ['Carnegie Mellon University', 'I hope to join CMU, whose Robotics Institute I admire.'],
    ['University of California, Los Angeles', 'I hope to study neuroscience at the University of California.'],
    ['Columbia University', 'I want to study at Columbia College, the undergraduate school of Columbia.']
  ]
  for (const [target, text] of quiet) {
    it(`is quiet on ${JSON.stringify(text)} (target ${target})`, async () => {
      expect((await findings(text, {target})).filter((r) => r.ruleId === 'target-mismatch')).toEqual([])
    })
  }

  it('is silent without a target, even with other targets', async () => {
    expect(await findings('I am excited to apply to Stanford.', {otherTargets: ['Stanford University']})).toEqual([])
  })

  describe('with the targets of the other files in the run', () => {
    const others = {target: 'Princeton University', otherTargets: ['Stanford University', 'Google']}

    it("flags another file's target outside the writer's history", async () => {
      const text = "Stanford's faculty are leaders in the systems I want to study."
      const result = (await findings(text, others)).filter((r) => r.ruleId === 'target-mismatch')
      expect(result).toEqual([
        {
          ruleId: 'target-mismatch',
          level: 'error',
          actual: 'Stanford',
          offset: 0,
          expected: ['Princeton University'],
          message: '`Stanford` is the target of another file in this run, but this statement is for `Princeton University`; check for text pasted from that application'
        }
      ])
      // Without the other files, the same sentence is only a description.
      expect((await findings(text, {target: 'Princeton University'})).filter((r) => r.ruleId === 'target-mismatch')).toEqual([])
    })

    it("flags a pasted company target even in a university's statement", async () => {
      const result = (await findings("I hope to contribute to Google's mission of organising information.", others)).filter((r) => r.ruleId === 'target-mismatch')
      expect(result.map((r) => r.actual)).toEqual(['Google'])
    })

    it("keeps the writer's own history", async () => {
      for (const text of ['I interned at Google in 2022.', 'At Google, I built a ranking service.', 'I took a course at Stanford in 2019.', 'My advisor at Stanford encouraged me.']) {
        expect((await findings(text, others)).filter((r) => r.ruleId === 'target-mismatch'), text).toEqual([])
      }
    })

    it('ignores another target that is this file’s own', async () => {
      expect(await findings('I am excited to join Princeton.', {target: 'Princeton University', otherTargets: ['Princeton', 'princeton university']})).toEqual([])
    })

    it('ignores a place name that is not clearly the school', async () => {
      const text = 'I grew up near Cambridge and still love the river.'
      expect((await findings(text, {target: 'Princeton University', otherTargets: ['University of Cambridge']})).filter((r) => r.ruleId === 'target-mismatch')).toEqual([])
    })
  })

  it('reports exact ranges with CRLF line endings and a BOM', async () => {
    const text = '\uFEFF---\r\ntarget: Princeton University\r\n---\r\n\r\nI was a student in Pune.\r\nI am excited to apply to\r\nthe program at Yale.\r\n'
    const {messages} = await lint(text, {config: {rules: {...rules}}, only: Object.keys(rules)})
    expect(messages.map((m) => [m.ruleId, m.actual, m.line, m.column])).toEqual([
      ['target-missing', 'I was a student in Pune.', 5, 1],
      ['target-mismatch', 'Yale', 7, 16]
    ])
  })

  describe('with no target set', () => {
    it('takes the destination named most often as the target, flags the other, and says what it inferred', async () => {
      const text = 'I am applying to the PhD program at Princeton.\n\nPrinceton\'s theory group would help me grow.\n\nI look forward to joining the faculty at Cornell.\n'
      const result = (await findings(text, {})).filter((r) => r.ruleId === 'target-mismatch')
      expect(result.map((r) => [r.actual, r.offset, r.expected])).toEqual([['Cornell', text.indexOf('Cornell'), ['Princeton']]])
      expect(result[0].message).toBe('`Cornell` is named as the school you are applying to, but this statement names `Princeton` as its target twice (line 1); check for text pasted from another application, or set `target` to say which is meant')
    })

    it('flags a second company in a letter, and takes the first on a tie', async () => {
      const text = 'Dear Stripe team,\n\nI would love to build payment infrastructure, and I am eager to contribute to Adyen\'s mission.\n'
      const result = (await findings(text, {kind: 'cover-letter'})).filter((r) => r.ruleId === 'target-mismatch')
      expect(result.map((r) => r.actual)).toEqual(['Adyen'])
      expect(result[0].message).toContain('names `Stripe` as its target first (line 1)')
    })

    const quiet = [
      'I am applying to Princeton. I did my bachelor\'s at Anna University, and I interned at Google.',
      'I hope to join Princeton. After my PhD, I hope to join Google Research.',
      "I hope to join Princeton. Prof. Smith's work at Stanford on program repair drew me to the field.",
      'I look forward to joining the faculty at Cornell.'
    ]
    for (const text of quiet) {
      it(`is quiet on ${JSON.stringify(text)}`, async () => {
        expect((await findings(text, {})).filter((r) => r.ruleId === 'target-mismatch')).toEqual([])
      })
    }
  })
})

// The bundle carries the university names grouped by first word (scripts/prebuilt-phrases.js);
// looking a word up in the grouped list must give what grouping the plain list gives.
describe('the university names by first word', () => {
  it('are the same from the grouped list as from the plain one, for every first word', async () => {
    const {namesLookup, namesByFirstWord} = await import('../rules/data/institutions.ts')
    const {default: universities} = await import('../rules/data/universities.ts')
    const plain = namesLookup(universities)
    const grouped = namesLookup(namesByFirstWord(universities))
    const words = new Set(universities.split('\n').map((name) => name.split(/[ ,\-/]/)[0].toLowerCase()))
    for (const extra of ['', 'zzzz', 'aaaa', 'university', 'académie', 'academie', '"angel', 'angel']) words.add(extra)
    expect(words.size).toBeGreaterThan(2000)
    let found = 0
    for (const word of words) {
      expect(grouped(word), word).toEqual(plain(word))
      found += plain(word).length
    }
    expect(found).toBeGreaterThan(9000)
  })
})
