// The core's fix(): every automatic fix round-trips on its rule's fixtures, a second fix changes
// nothing, and nothing outside the flagged ranges moves, whatever the line endings or BOM.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fix, fixTypes, lint, ruleMeta, type LintMessage, type LintOptions} from '../src/index.ts'

const fixtures = new URL('../fixtures/', import.meta.url)
const autoRules = ruleMeta.filter((m) => m.fix === 'auto').map((m) => m.id)
const BOM = '\uFEFF'

/** Every automatic rule on (at warn); everything else as the defaults have it. */
const autoOn: LintOptions = {config: {rules: Object.fromEntries(autoRules.map((id) => [id, 'warn' as const]))}}

/**
 * Check that `after` is `before` with only the given ranges rewritten: the text between them
 * must come back verbatim and in order. Returns a description of the first difference, or ''.
 */
function outsideUnchanged(before: string, after: string, ranges: Array<[number, number]>): string {
  const merged: Array<[number, number]> = []
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  if (merged.length === 0) return after === before ? '' : 'the text changed where nothing was flagged'
  const gaps: string[] = []
  let from = 0
  for (const [start, end] of merged) {
    gaps.push(before.slice(from, start))
    from = end
  }
  gaps.push(before.slice(from))
  if (!after.startsWith(gaps[0])) return `the text before the first flagged range changed: ${JSON.stringify(gaps[0].slice(-60))}`
  let at = gaps[0].length
  for (const gap of gaps.slice(1, -1)) {
    const found = after.indexOf(gap, at)
    if (found < 0) return `the text between flagged ranges changed: ${JSON.stringify(gap.slice(0, 60))}`
    at = found + gap.length
  }
  const tail = gaps.at(-1)!
  if ((!after.endsWith(tail) || after.length - tail.length < at)) return `the text after the last flagged range changed: ${JSON.stringify(tail.slice(0, 60))}`
  return ''
}

const fixableRanges = (messages: LintMessage[], rules: string[]) => messages.filter((m) => m.fixable && rules.includes(m.ruleId)).map((m): [number, number] => [m.offset, m.endOffset])

describe('fix types', () => {
  it('every rule declares what its fixes do, as --fix-type reads it', () => {
    for (const meta of ruleMeta) expect(fixTypes, `${meta.id}: meta.type`).toContain(meta.type)
    expect(ruleMeta.find((m) => m.id === 'repeated-word')!.type).toBe('problem')
  })
})

describe.each(autoRules)('round trip: %s', (id) => {
  const options: LintOptions = {config: {rules: {[id]: 'warn'}}, only: [id]}
  const meta = ruleMeta.find((m) => m.id === id)!

  it("turns its example's before into its after", async () => {
    const {output} = await fix(meta.example.before, options)
    expect(output).toBe(meta.example.after)
  })

  const fail = new URL(`${id}/fail.md`, fixtures)
  it.runIf(existsSync(fail))('fixes its fail.md, only inside the flagged ranges, and a second fix changes nothing', async () => {
    const text = readFileSync(fail, 'utf8')
    const before = await lint(text, options)
    const ranges = fixableRanges(before.messages, [id])
    expect(ranges.length, `fixtures/${id}/fail.md should have at least one finding --fix can apply`).toBeGreaterThan(0)
    const fixed = await fix(text, options)
    expect(fixed.applied).toBeGreaterThanOrEqual(1)
    expect(fixed.output).not.toBe(text)
    expect(outsideUnchanged(text, fixed.output, ranges)).toBe('')
    expect(fixed.result.messages.filter((m) => m.fixable)).toEqual([])
    const again = await fix(fixed.output, options)
    expect(again.applied).toBe(0)
    expect(again.output).toBe(fixed.output)
  })
})

describe('fix', () => {
  it('leaves front matter, code, HTML comments, inline code and URLs alone, with CRLF and a BOM', async () => {
    const text = [
      BOM + '---',
      'title: the the survey',
      '---',
      '',
      'I improved the the throughput.',
      '',
      '```',
      'the the',
      '```',
      '',
      '<!-- the the -->',
      'We wrote a a parser, `the the`, and https://example.org/the/the/ too.',
      ''
    ].join('\r\n')
    const {output, applied, result} = await fix(text, autoOn)
    expect(applied).toBe(2)
    expect(output).toBe(text.replace('improved the the', 'improved the').replace('a a parser', 'a parser'))
    expect(output.startsWith(BOM + '---\r\n')).toBe(true)
    expect(result.messages.filter((m) => m.ruleId === 'repeated-word')).toEqual([])
  })

  it('applies overlapping fixes over several passes until nothing changes', async () => {
    const {output, applied} = await fix('I saw the the the cat.\n', autoOn)
    expect(output).toBe('I saw the cat.\n')
    expect(applied).toBe(2)
  })

  it('fixes only the rules in fixRules, and still reports everything that is left', async () => {
    const text = 'I ran the the tests.\n'
    const none = await fix(text, {...autoOn, fixRules: []})
    expect(none.output).toBe(text)
    expect(none.applied).toBe(0)
    expect(none.result.messages.some((m) => m.ruleId === 'repeated-word' && m.fixable)).toBe(true)
    const some = await fix(text, {...autoOn, fixRules: ['repeated-word']})
    expect(some.output).toBe('I ran the tests.\n')
    expect(some.result.messages.some((m) => m.ruleId === 'length')).toBe(true)
  })

  it('respects inline disable comments and rules turned off', async () => {
    const text = '<!-- soplint-disable repeated-word -->\n\nI ran the the tests.\n'
    expect((await fix(text, autoOn)).output).toBe(text)
    expect((await fix('I ran the the tests.\n', {config: {rules: {'repeated-word': 'off'}}})).output).toBe('I ran the the tests.\n')
  })
})

// Paragraphs of every rule's fixtures: real near misses and real findings, side by side.
function fixtureParagraphs(): string[] {
  const out: string[] = []
  for (const entry of readdirSync(fixtures, {withFileTypes: true})) {
    if (!entry.isDirectory() || entry.name.startsWith('_')) continue
    for (const file of ['fail.md', 'pass.md']) {
      const url = new URL(`${entry.name}/${file}`, fixtures)
      if (!existsSync(url)) continue
      const body = readFileSync(url, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
      for (const chunk of body.split(/\r?\n[ \t]*\r?\n/)) if (chunk.trim()) out.push(chunk.trim().replace(/\r\n/g, '\n'))
    }
  }
  return out
}

describe('fix (property)', () => {
  const paragraphs = fixtureParagraphs()

  it('never changes text outside the flagged ranges, keeps line endings and BOM, and is idempotent', async () => {
    expect(paragraphs.length).toBeGreaterThan(10)
    const statement = fc.record({
      picks: fc.shuffledSubarray(paragraphs, {minLength: 1, maxLength: 12}),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      trailing: fc.constantFrom('', '\n', '\n\n')
    })
    await fc.assert(
      fc.asyncProperty(statement, async ({picks, crlf, bom, trailing}) => {
        let body = picks.join('\n\n') + trailing
        if (crlf) body = body.replace(/\n/g, '\r\n')
        const text = (bom ? BOM : '') + body
        const first = await lint(text, autoOn)
        const fixed = await fix(text, autoOn)
        expect(fixed.output.startsWith(BOM)).toBe(bom)
        const out = bom ? fixed.output.slice(1) : fixed.output
        expect(outsideUnchanged(body, out, fixableRanges(first.messages, autoRules))).toBe('')
        if (crlf) expect(/(^|[^\r])\n/.test(out)).toBe(false)
        else expect(out.includes('\r')).toBe(false)
        const again = await fix(fixed.output, autoOn)
        expect(again.applied).toBe(0)
        expect(again.output).toBe(fixed.output)
      }),
      {numRuns: 60}
    )
  })
})
