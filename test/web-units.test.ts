// The pure parts behind the web page, without a browser: the document figures the core exports
// (textStats) and the rich-text-to-Markdown conversion of pasted HTML (web/markdown.ts).
import {describe, expect, it} from 'vitest'
import {textStats} from '../src/index.ts'
import {markdownFromHtml} from '../web/markdown.ts'

describe('textStats', () => {
  it('counts words, sentences and bold words on the tree the rules read', async () => {
    const stats = await textStats('I built a **sensor network** for farms. It ran for a year.\n\n`code here` is not prose.\n')
    // 7 + 5 words, and 3 after the inline code, which is not prose.
    expect(stats.words).toBe(15)
    expect(stats.sentences).toBe(3)
    expect(stats.boldShare).toBeCloseTo(2 / stats.words, 2)
    expect(stats.grade).not.toBeNull()
  })

  it('gives a higher grade to long sentences of long words', async () => {
    const plain = await textStats('I ran the tests. They all passed. We were glad.')
    const dense = await textStats('Institutionalized interdisciplinary methodological considerations notwithstanding, computationally sophisticated representational architectures necessitate extraordinarily comprehensive experimentation.')
    expect(plain.grade!).toBeLessThan(4)
    expect(dense.grade!).toBeGreaterThan(20)
  })

  it('reads LaTeX bold, and text with CRLF, a BOM, emoji and non-Latin script', async () => {
    const tex = await textStats('\\documentclass{article}\n\\begin{document}\nI built \\textbf{a sensor network} in Pune.\n\\end{document}\n', {format: 'tex'})
    expect(tex.words).toBe(7)
    expect(tex.boldShare).toBeCloseTo(3 / 7, 2)
    const mixed = await textStats('\uFEFFI studied in Bengaluru (ಬೆಂಗಳೂರು) 🤖.\r\n\r\nIt was **good**.\r\n')
    expect(mixed.sentences).toBe(2)
    expect(mixed.boldShare).toBeGreaterThan(0)
  })

  it('has no grade and no bold share for an empty text', async () => {
    expect(await textStats('')).toEqual({words: 0, sentences: 0, grade: null, boldShare: 0})
  })
})

describe('markdownFromHtml (rich paste)', () => {
  it('keeps Word bold and italics and drops its styling markup', () => {
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment--><p class=MsoNormal>I led <b>a team of four</b> and wrote <i>the parser</i>.<o:p></o:p></p><p class=MsoNormal>It ran in <b><i>real time</i></b>.<o:p></o:p></p><!--EndFragment--></body></html>'
    expect(markdownFromHtml(word)).toBe('I led **a team of four** and wrote *the parser*.\n\nIt ran in **_real time_**.')
  })

  it('reads Google Docs styles: a wrapper <b> that is not bold, bold and italic spans', () => {
    const docs =
      '<b style="font-weight:normal;" id="docs-internal-guid-x"><p dir="ltr"><span style="font-weight:400">Plain, </span><span style="font-weight:700">bold</span><span style="font-weight:400">, </span><span style="font-style:italic">italic</span><span style="font-weight:700;font-style:italic"> both</span></p></b>'
    expect(markdownFromHtml(docs)).toBe('Plain, **bold**, *italic* **_both_**')
  })

  it('keeps headings, lists and links', () => {
    expect(markdownFromHtml('<h2>Research</h2><ul><li>One</li><li>Two</li></ul><p>See <a href="https://example.org">my site</a>.</p>')).toBe('## Research\n\n- One\n- Two\n\nSee [my site](https://example.org).')
  })
})
