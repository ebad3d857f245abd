// Every real .tex and .txt statement in ../shared/corpus/real (beside the checkout in CI; the
// suite skips when it is absent): no crash, every finding's text is its source slice, and no
// finding starts inside a comment, the preamble, after \end{document}, or in math. The ranges
// to avoid come straight from the LaTeX parser, not from the front end under test.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from '@unified-latex/unified-latex-util-parse'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.ts'

const dir = path.resolve('../shared/corpus/real')
const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(tex|txt)$/.test(f)) : []

type Range = {from: number; to: number; what: string}

// Comments, math and everything outside the document environment, as the parser sees them.
function notProse(text: string): Range[] {
  const ranges: Range[] = []
  // The parser reads \r\n as two line ends; a same-length copy keeps every offset.
  const root = parse(text.replace(/\r\n/g, ' \n'))
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    const n = node as {type: string; env?: unknown; position?: {start: {offset: number}; end: {offset: number}}; content?: unknown; args?: unknown}
    const p = n.position
    if (p && ['comment', 'inlinemath', 'displaymath', 'mathenv'].includes(n.type)) ranges.push({from: p.start.offset, to: p.end.offset, what: n.type})
    if (p && n.type === 'environment' && n.env === 'document') {
      ranges.push({from: 0, to: p.start.offset + '\\begin{document}'.length, what: 'the preamble'})
      ranges.push({from: p.end.offset - '\\end{document}'.length, to: text.length, what: 'after \\end{document}'})
    }
    visit(n.content)
    visit(n.args)
  }
  visit(root.content)
  return ranges
}

describe.skipIf(files.length === 0)('the real corpus through the LaTeX and plain-text front ends', () => {
  it.each(files)('%s', async (name) => {
    const text = readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '')
    const {messages, stats} = await lint(text, {filePath: name, config: {}})
    expect(stats.words).toBeGreaterThan(50)
    const ranges = name.endsWith('.tex') ? notProse(text) : []
    for (const m of messages) {
      expect(m.actual, `${name}:${m.line}:${m.column} ${m.ruleId}`).toBe(text.slice(m.offset, m.endOffset))
      // The length rule reports the document as a whole.
      if (m.ruleId === 'length') continue
      const inside = ranges.find((r) => m.offset >= r.from && m.offset < r.to)
      expect(inside, `${name}:${m.line}:${m.column} ${m.ruleId} starts in ${inside?.what}: ${m.actual.slice(0, 60)}`).toBeUndefined()
      const endsInComment = ranges.find((r) => r.what === 'comment' && m.endOffset > m.offset && m.endOffset - 1 >= r.from && m.endOffset - 1 < r.to)
      expect(endsInComment, `${name}:${m.line}:${m.column} ${m.ruleId} ends in a comment`).toBeUndefined()
    }
  })
})
