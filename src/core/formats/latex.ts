// The LaTeX front end: .tex source in, the Markdown tree (mdast) every rule reads out, with every
// position pointing into the .tex source. Pure: no file system (`\input` is spliced in by the CLI,
// see include.ts), so the core, the CLI and the language server all read LaTeX the same way.
//
// unified-latex parses; this file decides what is prose. Only the document body is read; the
// preamble, comments, math, verbatim and code, `\cite`/`\ref`/`\label` and every command name
// are not prose. `\textbf`/`\bf` become `strong`, `\emph`/`\textit` `emphasis`, `\section` and
// friends headings, `\href` links, lists and quotes their mdast namesakes, footnotes footnote
// definitions. `~`, `--`, ``` `` ```, `''`, `\&` and accent macros become the characters they stand
// for; text nodes carry the source range of every character (processor.ts SourceMap), so a
// finding on `caf\'e` covers all of `caf\'e`.
import type * as Ast from '@unified-latex/unified-latex-types'
import {getParser} from '@unified-latex/unified-latex-util-parse'
import type {Emphasis, FootnoteDefinition, Heading, Html, InlineCode, Link, List, ListItem, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Strong, Text} from 'mdast'
import {location} from 'vfile-location'
import {InputError} from '../errors.ts'
import type {SourceMap} from '../processor.ts'

/** Parse LaTeX into the tree the rules read; throws an InputError naming the line of malformed input. */
export function latexTree(text: string): Root {
  const ast = parser().parse(parseCopy(text))
  const problem = malformed(ast.content, text)
  if (problem) throw new InputError(describe(text, problem))
  return new Builder(text).build(ast)
}

/** The first sign of malformed LaTeX (unbalanced braces or math, an environment left open) as "line N, column C: what"; undefined when there is none. */
export function latexError(text: string): string | undefined {
  const problem = malformed(parser().parse(parseCopy(text)).content, text)
  return problem && describe(text, problem)
}

function describe(text: string, problem: {offset: number; reason: string}): string {
  const at = location(text).toPoint(problem.offset)
  return `line ${at?.line ?? 1}, column ${at?.column ?? 1}: ${problem.reason}`
}

let cached: ReturnType<typeof getParser> | undefined
function parser() {
  // Macros of the letter class and a few text packages, so their arguments are attached.
  cached ??= getParser({
    macros: {
      opening: {signature: 'm'},
      closing: {signature: 'm'},
      signature: {signature: 'm'},
      address: {signature: 'm'},
      location: {signature: 'm'},
      telephone: {signature: 'm'},
      hl: {signature: 'm'},
      ul: {signature: 'm'},
      uline: {signature: 'm'},
      sout: {signature: 'm'},
      enquote: {signature: 's m'},
      textsuperscript: {signature: 'm'},
      textsubscript: {signature: 'm'},
      foreignlanguage: {signature: 'o m m'},
      todo: {signature: 'o m'}
    },
    environments: {letter: {signature: 'm'}}
  })
  return cached
}

// The text the parser sees: the same length as the source, so every offset carries over.
// unified-latex reads `\r\n` as two line ends (a paragraph break) and `%` inside a URL as a
// comment; neither is what TeX does.
function parseCopy(text: string): string {
  let copy = text.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n'))
  copy = copy.replace(/\\(?:url|href|nolinkurl)\s*\{[^}\n]*\}/g, (m) => m.replace(/%/g, '-'))
  return copy
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const headings: Record<string, number> = {part: 1, chapter: 1, addchap: 1, section: 2, addsec: 2, subsection: 3, subsubsection: 4, paragraph: 5, minisec: 5, subparagraph: 6}
const boldMacros = new Set(['textbf'])
const italicMacros = new Set(['emph', 'textit', 'textsl'])
const boldSwitches = new Set(['bf', 'bfseries'])
const italicSwitches = new Set(['it', 'itshape', 'em', 'sl', 'slshape'])
/** Text-style commands whose last argument is prose shown as is. */
const transparentMacros = new Set([
  'underline', 'uline', 'uuline', 'ul', 'hl', 'sout', 'textsc', 'textrm', 'textsf', 'textup', 'textmd', 'textls', 'mbox', 'makebox', 'fbox', 'framebox', 'text',
  'textcolor', 'colorbox', 'parbox', 'raisebox', 'enquote', 'foreignlanguage', 'textsuperscript', 'textsubscript', 'lowercase', 'uppercase', 'MakeUppercase', 'MakeLowercase', 'MakeTextUppercase'
])
/** Commands that stand for something that is not prose: a word-shaped placeholder keeps the sentence whole. */
const placeholderMacros = new Set([
  'cite', 'citep', 'citet', 'citealp', 'citealt', 'citeauthor', 'citeyear', 'citeyearpar', 'Cite', 'Citep', 'Citet', 'parencite', 'Parencite', 'textcite', 'Textcite', 'autocite', 'Autocite', 'footcite', 'fullcite', 'smartcite', 'supercite',
  'ref', 'eqref', 'autoref', 'Autoref', 'cref', 'Cref', 'crefrange', 'pageref', 'nameref', 'vref', 'Vref', 'texttt', 'today', 'verb', 'lstinline', 'mintinline', 'ensuremath'
])
/** Commands that print nothing a reader would read as prose; their arguments are skipped. */
const silentMacros = new Set([
  'label', 'index', 'glossary', 'nocite', 'vspace', 'hspace', 'vskip', 'hskip', 'vfill', 'hfill', 'dotfill', 'hrulefill', 'smallskip', 'medskip', 'bigskip', 'noindent', 'indent',
  'centering', 'raggedright', 'raggedleft', 'newpage', 'clearpage', 'cleardoublepage', 'pagebreak', 'nopagebreak', 'newline', 'linebreak', 'nolinebreak', 'maketitle', 'tableofcontents',
  'listoffigures', 'listoftables', 'printbibliography', 'bibliography', 'bibliographystyle', 'addbibresource', 'pagestyle', 'thispagestyle', 'pagenumbering', 'setlength', 'addtolength',
  'setcounter', 'addtocounter', 'stepcounter', 'newcommand', 'renewcommand', 'providecommand', 'DeclareRobustCommand', 'newenvironment', 'renewenvironment', 'newcounter', 'usepackage',
  'RequirePackage', 'documentclass', 'title', 'author', 'date', 'thanks', 'color', 'definecolor', 'hypersetup', 'geometry', 'includegraphics', 'input', 'include', 'includeonly', 'subfile',
  'selectlanguage', 'hyphenation', 'tiny', 'scriptsize', 'footnotesize', 'small', 'normalsize', 'large', 'Large', 'LARGE', 'huge', 'Huge', 'rmfamily', 'sffamily', 'ttfamily',
  'fontsize', 'selectfont', 'linespread', 'singlespacing', 'onehalfspacing', 'doublespacing', 'protect', 'relax', 'nobreak', 'allowbreak', 'xspace', 'null', 'strut', 'phantom',
  'hphantom', 'vphantom', 'rule', 'signature', 'address', 'location', 'telephone', 'name', 'makelabels', 'ps', 'encl', 'cc', 'appendix', 'frontmatter', 'mainmatter', 'backmatter',
  'bibitem', 'newblock', 'item', 'caption', 'footnotemark', 'marginpar', 'todo', 'let', 'global', 'makeatletter', 'makeatother', 'ignorespaces', 'unskip', 'par', '@', '/', '-', '!',
  'sloppy', 'fussy', 'flushbottom', 'raggedbottom', 'enlargethispage', 'looseness', 'columnbreak', 'newgeometry', 'restoregeometry', 'hline', 'cline', 'toprule', 'midrule', 'bottomrule'
])
const spaceMacros = new Set([' ', ',', ';', ':', '>', 'quad', 'qquad', 'enspace', 'thinspace', 'space', 'nobreakspace', 'enskip', '\\', 'break', 'cr'])
/** Commands that print one character or a fixed word. */
const glyphs: Record<string, string> = {
  '&': '&', '%': '%', $: '$', '#': '#', _: '_', '{': '{', '}': '}', ldots: '…', dots: '…', textellipsis: '…', textendash: '–', textemdash: '—',
  textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', textquotesingle: "'", textquotedbl: '"', lq: '‘', rq: '’',
  ss: 'ß', SS: 'SS', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ', dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ',
  S: '§', P: '¶', dag: '†', ddag: '‡', textdagger: '†', textdaggerdbl: '‡', copyright: '©', textcopyright: '©', textregistered: '®', texttrademark: '™', pounds: '£',
  textsterling: '£', euro: '€', texteuro: '€', textdollar: '$', textdegree: '°', textbullet: '•', textperiodcentered: '·', textbackslash: '\\', textasciitilde: '~',
  textasciicircum: '^', textbar: '|', textless: '<', textgreater: '>', textunderscore: '_', guillemotleft: '«', guillemotright: '»', textexclamdown: '¡', textquestiondown: '¿',
  LaTeX: 'LaTeX', TeX: 'TeX', LaTeXe: 'LaTeX2e', BibTeX: 'BibTeX', XeTeX: 'XeTeX', XeLaTeX: 'XeLaTeX', LuaTeX: 'LuaTeX', LuaLaTeX: 'LuaLaTeX', pdfLaTeX: 'pdfLaTeX', pdfTeX: 'pdfTeX'
}
/** Accent commands and the combining mark each adds to the next letter. */
const accents: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307', u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328',
  r: '\u030A', d: '\u0323', b: '\u0331'
}
const listEnvs = new Set(['itemize', 'enumerate', 'description', 'compactitem', 'compactenum', 'compactdesc', 'itemize*', 'enumerate*', 'description*', 'asparaitem', 'asparaenum', 'inparaitem', 'inparaenum', 'outline'])
const quoteEnvs = new Set(['quote', 'quotation', 'verse', 'displayquote'])
const codeEnvs = new Set(['verbatim', 'verbatim*', 'Verbatim', 'BVerbatim', 'lstlisting', 'minted', 'alltt', 'filecontents', 'filecontents*', 'comment', 'code', 'listing'])
/** Tables, pictures, algorithms and bibliographies: not prose, and a block of their own. */
const skippedEnvs = new Set(['tabular', 'tabular*', 'tabularx', 'tabulary', 'longtable', 'supertabular', 'array', 'tikzpicture', 'picture', 'pgfpicture', 'thebibliography', 'algorithmic', 'algorithm2e', 'algorithm'])
/** Math the parser may leave as a plain environment: a placeholder inside the sentence. */
const mathEnvs = new Set(['math', 'displaymath', 'equation', 'equation*', 'align', 'align*', 'alignat', 'alignat*', 'gather', 'gather*', 'multline', 'multline*', 'flalign', 'flalign*', 'eqnarray', 'eqnarray*', 'dmath', 'dmath*'])
/** Environments that change only the look of the text inside a paragraph. */
const inlineEnvs = new Set(['tiny', 'scriptsize', 'footnotesize', 'small', 'normalsize', 'large', 'Large', 'LARGE', 'huge', 'Huge', 'otherlanguage', 'otherlanguage*', 'bfseries', 'itshape', 'em', 'sffamily', 'rmfamily'])
const directiveRe = /^\s*soplint[- ](disable|enable|ignore)\b(.*)$/

// ---------------------------------------------------------------------------------------------
// Malformed input

function malformed(nodes: Ast.Node[], text: string): {offset: number; reason: string} | undefined {
  let found: {offset: number; reason: string} | undefined
  const visit = (list: Ast.Node[]): void => {
    for (let i = 0; i < list.length && !found; i++) {
      const node = list[i]
      const at = node.position?.start.offset ?? 0
      if (node.type === 'string' && (node.content === '{' || node.content === '}')) {
        found = {offset: at, reason: node.content === '{' ? 'this `{` is never closed (unbalanced braces)' : 'this `}` closes nothing (unbalanced braces)'}
      } else if (node.type === 'string' && node.content === '$') {
        found = {offset: at, reason: 'this `$` opens math that is never closed'}
      } else if (node.type === 'macro' && (node.content === 'begin' || node.content === 'end')) {
        const next = list[i + 1]
        const name = next?.type === 'group' ? rawOf(next.content, text) : ''
        found = {offset: at, reason: node.content === 'begin' ? `\\begin{${name}} has no matching \\end{${name}}` : `\\end{${name}} has no matching \\begin{${name}}`}
      } else if (node.type === 'macro' && ['[', '(', ']', ')'].includes(node.content) && node.escapeToken !== '') {
        const opens = node.content === '[' || node.content === '('
        const pair = {'[': '\\]', '(': '\\)', ']': '\\[', ')': '\\('}[node.content]
        found = {offset: at, reason: opens ? `this \\${node.content} opens math that is never closed with ${pair}` : `this \\${node.content} closes math that was never opened with ${pair}`}
      }
      if (found) return
      if (node.type === 'macro') for (const arg of node.args ?? []) visit(arg.content)
      if ('content' in node && Array.isArray(node.content) && node.type !== 'inlinemath' && node.type !== 'displaymath' && node.type !== 'mathenv') visit(node.content)
      if (node.type === 'environment') for (const arg of node.args ?? []) visit(arg.content)
    }
  }
  visit(nodes)
  return found
}

function rawOf(nodes: Ast.Node[], text: string): string {
  const range = span(nodes)
  return range ? text.slice(range[0], range[1]).trim() : ''
}

// The source range of a list of nodes (those with positions), if any.
function span(nodes: Ast.Node[]): [number, number] | undefined {
  let from = Infinity
  let to = -1
  for (const node of nodes) {
    if (!node.position) continue
    from = Math.min(from, node.position.start.offset)
    to = Math.max(to, node.position.end.offset)
  }
  return to < 0 ? undefined : [from, to]
}

// ---------------------------------------------------------------------------------------------
// Building the tree

type Style = {kind: 'strong'} | {kind: 'emphasis'} | {kind: 'link'; url: string}
type Block = Paragraph | Heading
type Inline = Parent & {children: PhrasingContent[]}
type MappedText = Text & {data: {sourceMap: SourceMap}}

class Builder {
  private readonly text: string
  private readonly root: Root = {type: 'root', children: []}
  private container: RootContent[] = this.root.children
  private block: Block | undefined
  private chain: Array<{style: Style; node: Inline}> = []
  private styles: Style[] = []
  private footnotes: FootnoteDefinition[] = []
  /** Characters of the next string already consumed (the base letter of an accent). */
  private skip = 0
  private lastEnd = 0

  constructor(text: string) {
    this.text = text
  }

  build(ast: Ast.Root): Root {
    const body = findDocument(ast.content)
    this.nodes(body ? body.content : ast.content)
    this.flush()
    const place = location(this.text)
    setPositions(this.root, place, this.text.length)
    const end = place.toPoint(this.text.length) ?? {line: 1, column: 1, offset: 0}
    this.root.position = {start: {line: 1, column: 1, offset: 0}, end: {...end, offset: this.text.length}}
    return this.root
  }

  // -- emitting -------------------------------------------------------------------------------

  private target(): Inline {
    if (!this.block) {
      this.block = {type: 'paragraph', children: []}
      this.container.push(this.block)
      this.chain = []
    }
    let i = 0
    while (i < this.chain.length && i < this.styles.length && this.chain[i].style === this.styles[i]) i++
    this.chain.length = i
    for (; i < this.styles.length; i++) {
      const style = this.styles[i]
      const made: Link | Strong | Emphasis = style.kind === 'link' ? {type: 'link', url: style.url, children: []} : {type: style.kind, children: []}
      const node = made as Inline
      const parent = i === 0 ? (this.block as Inline) : this.chain[i - 1].node
      parent.children.push(node as PhrasingContent)
      this.chain.push({style, node})
    }
    return this.chain.length ? this.chain[this.chain.length - 1].node : (this.block as Inline)
  }

  private lastText(parent: Inline): MappedText | undefined {
    const last = parent.children[parent.children.length - 1]
    return last?.type === 'text' ? (last as MappedText) : undefined
  }

  /** Emit characters that stand for source[start, end). */
  private emit(chars: string, start: number, end: number): void {
    const parent = this.target()
    let node = this.lastText(parent)
    // Text nodes cover contiguous prose: skipped source (a comment, \label{...}) starts a new one,
    // so rules that read a text node's source range never see it.
    const prevEnd = node?.data.sourceMap.ends[node.value.length - 1]
    if (node && prevEnd !== undefined && prevEnd < start && /\S/.test(this.text.slice(prevEnd, start))) node = undefined
    if (!node) {
      node = {type: 'text', value: '', data: {sourceMap: {starts: [], ends: []}}}
      parent.children.push(node)
    }
    for (const ch of chars) {
      for (let k = 0; k < ch.length; k++) {
        node.value += ch[k]
        node.data.sourceMap.starts.push(start)
        node.data.sourceMap.ends.push(end)
      }
    }
    this.lastEnd = end
  }

  /** A space between words; none at the start of a block or after another space. */
  private space(start: number | undefined, end: number | undefined): void {
    if (!this.block) return
    const parent = this.target()
    const last = this.lastText(parent)
    if (last && /\s$/.test(last.value)) return
    if (!last && parent === (this.block as Inline) && parent.children.length === 0) return
    this.emit(' ', start ?? this.lastEnd, end ?? this.lastEnd)
  }

  /** One literal character of the source, with TeX's ligatures: -- – , --- — , `` “ , '' ” . */
  private literal(ch: string, at: number): void {
    if (ch === '~') return this.space(at, at + 1)
    const parent = this.target()
    const last = this.lastText(parent)
    if (last && last.value.length && last.data.sourceMap.ends[last.value.length - 1] === at) {
      const k = last.value.length - 1
      const from = last.data.sourceMap.starts[k]
      const written = this.text.slice(from, at)
      const merged = ch === '-' && written === '-' ? '–' : ch === '-' && written === '--' ? '—' : ch === '`' && written === '`' ? '“' : ch === "'" && written === "'" ? '”' : undefined
      if (merged) {
        last.value = last.value.slice(0, k) + merged
        last.data.sourceMap.ends[k] = at + 1
        this.lastEnd = at + 1
        return
      }
    }
    this.emit(ch === '`' ? '‘' : ch, at, at + 1)
  }

  private placeholder(start: number, end: number, value: string): void {
    const node: InlineCode = {type: 'inlineCode', value, position: {start: {line: 0, column: 0, offset: start}, end: {line: 0, column: 0, offset: end}}}
    this.target().children.push(node)
    this.lastEnd = end
  }

  private math(node: Ast.Node): void {
    const start = node.position?.start.offset ?? this.lastEnd
    const end = node.position?.end.offset ?? start
    const math = {type: 'inlineMath', value: this.text.slice(start, end), position: {start: {line: 0, column: 0, offset: start}, end: {line: 0, column: 0, offset: end}}}
    this.target().children.push(math as unknown as PhrasingContent)
    this.lastEnd = end
  }

  /** Close the open paragraph or heading; footnotes met in it follow it. */
  private flush(): void {
    const block = this.block
    if (block) {
      // A trailing space is not part of the block.
      const last = block.children[block.children.length - 1] as MappedText | undefined
      if (last?.type === 'text' && / $/.test(last.value)) {
        last.value = last.value.slice(0, -1)
        last.data.sourceMap.starts.pop()
        last.data.sourceMap.ends.pop()
        if (last.value === '') block.children.pop()
      }
      if (block.children.length === 0) this.container.splice(this.container.indexOf(block), 1)
    }
    this.block = undefined
    this.chain = []
    if (this.footnotes.length) this.container.push(...this.footnotes.splice(0))
  }

  /** Run `fn` with a fresh block context inside `container`, then come back. */
  private nested(container: RootContent[], fn: () => void): void {
    this.flush()
    const saved = {container: this.container, styles: this.styles}
    this.container = container
    this.styles = []
    fn()
    this.flush()
    this.container = saved.container
    this.styles = saved.styles
  }

  private styled(style: Style, fn: () => void): void {
    const saved = this.styles
    this.styles = [...saved, style]
    fn()
    this.styles = saved
  }

  // -- walking --------------------------------------------------------------------------------

  private nodes(list: Ast.Node[]): void {
    const saved = this.styles
    for (let i = 0; i < list.length; i++) i += this.node(list[i], list, i)
    this.styles = saved
  }

  /** Handle one node; returns how many following siblings it consumed. */
  private node(node: Ast.Node, list: Ast.Node[], index: number): number {
    switch (node.type) {
      case 'string': {
        const start = node.position?.start.offset
        if (start === undefined) return 0
        const skip = this.skip
        this.skip = 0
        for (let k = skip; k < node.content.length; k++) this.literal(node.content[k], start + k)
        return 0
      }
      case 'whitespace':
        this.space(node.position?.start.offset, node.position?.end.offset)
        return 0
      case 'parbreak':
        this.flush()
        return 0
      case 'comment':
        this.comment(node)
        return 0
      case 'group':
        this.nodes(node.content)
        return 0
      case 'inlinemath':
      case 'displaymath':
      case 'mathenv':
        this.math(node)
        return 0
      case 'verb':
        if (node.position) this.placeholder(node.position.start.offset, node.position.end.offset, node.content)
        return 0
      case 'verbatim':
        if (node.env !== 'comment') this.flush()
        return 0
      case 'environment':
        this.environment(node)
        return 0
      case 'macro':
        return this.macro(node, list, index)
      default:
        return 0
    }
  }

  private comment(node: Ast.Comment): void {
    // A comment on its own line ends the line before it, which TeX reads as a space; so does
    // a space before `%`. `text%` followed by a line joins the two.
    if (!node.sameline || node.leadingWhitespace) this.space(node.position?.start.offset, (node.position?.start.offset ?? this.lastEnd) + 1)
    const match = directiveRe.exec(node.content)
    if (!match || !node.position) return
    const end = node.position.end.offset
    let start = this.text.indexOf('%', node.position.start.offset)
    if (start < 0 || start >= end) start = node.position.start.offset
    let stop = end
    while (stop > start && /[\r\n]/.test(this.text[stop - 1])) stop--
    const html: Html = {type: 'html', value: `<!-- soplint ${match[1]} ${match[2].trim()} -->`, position: {start: {line: 0, column: 0, offset: start}, end: {line: 0, column: 0, offset: stop}}}
    // In an open paragraph the directive goes before it, so `ignore` covers the rest of it.
    const open = this.block && this.block.children.length > 0 ? this.container.indexOf(this.block) : -1
    if (open >= 0) this.container.splice(open, 0, html)
    else this.container.push(html)
  }

  private environment(node: Ast.Environment): void {
    const name = typeof node.env === 'string' ? node.env : rawOf([node.env as Ast.Node], this.text)
    if (codeEnvs.has(name)) {
      if (name !== 'comment') this.flush()
      return
    }
    if (skippedEnvs.has(name)) return this.flush()
    if (mathEnvs.has(name)) return this.math(node)
    if (inlineEnvs.has(name)) {
      if (name === 'bfseries') return this.styled({kind: 'strong'}, () => this.nodes(node.content))
      if (name === 'itshape' || name === 'em') return this.styled({kind: 'emphasis'}, () => this.nodes(node.content))
      return this.nodes(node.content)
    }
    if (listEnvs.has(name)) return this.list(node, name)
    if (quoteEnvs.has(name)) {
      this.flush()
      const quote = {type: 'blockquote' as const, children: [] as RootContent[]}
      this.container.push(quote as RootContent)
      this.nested(quote.children, () => this.nodes(node.content))
      return
    }
    this.flush()
    this.nodes(node.content)
    this.flush()
  }

  private list(node: Ast.Environment, name: string): void {
    this.flush()
    const list: List = {type: 'list', ordered: /enum/.test(name), spread: false, children: []}
    this.container.push(list)
    for (let i = 0; i < node.content.length; i++) {
      const child = node.content[i]
      if (child.type === 'macro' && child.content === 'item') {
        const item: ListItem = {type: 'listItem', spread: false, children: []}
        list.children.push(item)
        this.nested(item.children as RootContent[], () => {
          const args = child.args ?? []
          const label = args.find((a) => a.openMark === '[')
          if (label && label.content.length) this.styled({kind: 'strong'}, () => this.nodes(label.content))
          const body = args[args.length - 1]
          if (body && body !== label) this.nodes(body.content)
        })
      } else if (child.type === 'comment') {
        this.comment(child)
      } else if (child.type !== 'whitespace' && child.type !== 'parbreak') {
        // Text before the first \item: read it, as LaTeX would print it.
        i += this.node(child, node.content, i)
      }
    }
    this.flush()
  }

  private macro(node: Ast.Macro, list: Ast.Node[], index: number): number {
    const name = node.content
    const start = node.position?.start.offset ?? this.lastEnd
    const end = macroEnd(node, this.text)
    const args = node.args ?? []
    const last = lastArg(args)

    if (name in accents && node.escapeToken !== '') return this.accent(node, list, index)
    if (name in glyphs) {
      this.emit(glyphs[name], start, end)
      // TeX swallows the space after a control word (`\o rsted`); keep it after a word like \LaTeX.
      if (/^[a-zA-Z]+$/.test(name) && glyphs[name].length === 1 && list[index + 1]?.type === 'whitespace' && list[index + 2]?.type === 'string') return 1
      return 0
    }
    if (spaceMacros.has(name)) {
      this.space(start, end)
      return 0
    }
    if (name === 'par') {
      this.flush()
      return 0
    }
    if (name in headings) {
      this.flush()
      this.block = {type: 'heading', depth: headings[name] as Heading['depth'], children: []}
      this.container.push(this.block)
      this.chain = []
      if (last) this.nodes(last.content)
      this.flush()
      return 0
    }
    if (boldMacros.has(name) || italicMacros.has(name)) {
      if (last) this.styled({kind: boldMacros.has(name) ? 'strong' : 'emphasis'}, () => this.nodes(last.content))
      return 0
    }
    if (boldSwitches.has(name) || italicSwitches.has(name)) {
      this.styles = [...this.styles, {kind: boldSwitches.has(name) ? 'strong' : 'emphasis'}]
      // TeX swallows the space after a control word: `{\bf text}` is bold from `t`.
      return list[index + 1]?.type === 'whitespace' ? 1 : 0
    }
    if (name === 'normalfont' || name === 'upshape' || name === 'mdseries' || name === 'rm' || name === 'textnormal') {
      const drop = name === 'upshape' ? ['emphasis'] : name === 'mdseries' ? ['strong'] : ['strong', 'emphasis']
      if (name === 'textnormal' && last) {
        const saved = this.styles
        this.styles = saved.filter((s) => !drop.includes(s.kind))
        this.nodes(last.content)
        this.styles = saved
      } else this.styles = this.styles.filter((s) => !drop.includes(s.kind))
      return 0
    }
    if (transparentMacros.has(name)) {
      if (last) this.nodes(last.content)
      return 0
    }
    if (name === 'href') {
      const url = args.length >= 2 ? rawOf(args[args.length - 2].content, this.text) : ''
      if (last) this.styled({kind: 'link', url}, () => this.nodes(last.content))
      return 0
    }
    if (name === 'url' || name === 'nolinkurl' || name === 'path') {
      // The address is its own text: a link the processor reads as a placeholder, not prose.
      const range = last ? span(last.content) : undefined
      const link: Link = {type: 'link', url: '', children: []}
      if (range) {
        const text: MappedText = {type: 'text', value: '', data: {sourceMap: {starts: [], ends: []}}}
        for (let k = range[0]; k < range[1]; k++) {
          text.value += this.text[k]
          text.data.sourceMap.starts.push(k)
          text.data.sourceMap.ends.push(k + 1)
        }
        link.children.push(text)
        link.url = text.value
      }
      link.position = {start: {line: 0, column: 0, offset: start}, end: {line: 0, column: 0, offset: end}}
      this.target().children.push(link)
      this.lastEnd = end
      return 0
    }
    if (name === 'footnote' || name === 'footnotetext') {
      if (!last) return 0
      const note: FootnoteDefinition = {type: 'footnoteDefinition', identifier: String(start), children: []}
      const outer = {block: this.block, chain: this.chain, footnotes: this.footnotes}
      this.block = undefined
      this.chain = []
      this.footnotes = []
      this.nested(note.children as RootContent[], () => this.nodes(last.content))
      this.block = outer.block
      this.chain = outer.chain
      this.footnotes = outer.footnotes
      this.footnotes.push(note)
      return 0
    }
    if (name === 'opening' || name === 'closing' || name === 'caption') {
      this.flush()
      if (last) this.nodes(last.content)
      this.flush()
      return 0
    }
    if (name === 'def' || name === 'gdef' || name === 'edef' || name === 'xdef') {
      // \def\name#1{body}: skip up to and including the body.
      let k = index + 1
      while (k < list.length && list[k].type !== 'group') k++
      return k - index
    }
    if (placeholderMacros.has(name)) {
      this.placeholder(start, end, this.text.slice(start, end))
      return 0
    }
    if (silentMacros.has(name)) {
      if (name === 'item') {
        this.flush()
        if (last) this.nodes(last.content)
      }
      return 0
    }
    if (node.position && /^[a-zA-Z@]+\*?$/.test(name)) {
      // An unknown command with arguments is layout; one without is most likely a word the
      // writer defined (\school): a placeholder keeps the sentence whole.
      if (args.some((a) => a.content.length > 0)) return 0
      this.placeholder(start, end, this.text.slice(start, end))
    }
    return 0
  }

  // \'e, \'{e}, \c c, \"\i: the accented letter stands for the whole source run.
  private accent(node: Ast.Macro, list: Ast.Node[], index: number): number {
    const start = node.position?.start.offset ?? this.lastEnd
    let end = node.position?.end.offset ?? start
    let base: string | undefined
    let consumed = 0
    const arg = lastArg(node.args ?? [])
    if (arg && arg.content.length) {
      base = baseOf(arg.content)
      end = macroEnd(node, this.text)
    } else {
      let k = index + 1
      // A letter-named accent (\c c) is followed by a space; a symbol one (\'e) is not.
      if (/^[a-zA-Z]$/.test(node.content) && list[k]?.type === 'whitespace') k++
      const next = list[k]
      if (next?.type === 'string' && next.position) {
        base = next.content[0]
        end = next.position.start.offset + 1
        // The rest of the word is read as usual, after the accented letter.
        if (next.content.length > 1) this.skip = 1
        consumed = next.content.length > 1 ? k - index - 1 : k - index
      } else if (next?.type === 'group' && next.position) {
        base = baseOf(next.content)
        end = next.position.end.offset
        consumed = k - index
      } else if (next?.type === 'macro' && (next.content === 'i' || next.content === 'j') && next.position) {
        base = next.content
        end = next.position.end.offset
        consumed = k - index
      }
    }
    if (base) this.emit((base[0] + accents[node.content]).normalize('NFC') + base.slice(1), start, end)
    return consumed
  }
}

// The letter under an accent: `e` in {e}, `i` in {\i}.
function baseOf(nodes: Ast.Node[]): string {
  const inner = nodes.filter((n) => n.type !== 'whitespace')
  if (inner.length === 1 && inner[0].type === 'string') return inner[0].content
  if (inner.length === 1 && inner[0].type === 'macro' && (inner[0].content === 'i' || inner[0].content === 'j')) return inner[0].content
  return ''
}

function findDocument(nodes: Ast.Node[]): Ast.Environment | undefined {
  for (const node of nodes) if (node.type === 'environment' && node.env === 'document') return node
  return undefined
}

function lastArg(args: Ast.Argument[]): Ast.Argument | undefined {
  for (let i = args.length - 1; i >= 0; i--) if (args[i].openMark || args[i].content.length) return args[i]
  return undefined
}

// Where a command ends in the source: after its last argument's closing mark.
function macroEnd(node: Ast.Macro, text: string): number {
  let at = node.position?.end.offset ?? 0
  for (const arg of node.args ?? []) {
    if (!arg.openMark && arg.content.length === 0) continue
    const range = span(arg.content)
    if (arg.openMark) {
      let k = at
      while (k < text.length && /\s/.test(text[k])) k++
      if (text.startsWith(arg.openMark, k)) at = k + arg.openMark.length
    }
    if (range) at = Math.max(at, range[1])
    if (arg.closeMark && !text.slice(0, at).endsWith(arg.closeMark)) {
      // The closing mark follows the content, perhaps after spaces (verbatim-like arguments
      // already include it in their range).
      let k = at
      while (k < text.length && /\s/.test(text[k])) k++
      if (text.startsWith(arg.closeMark, k)) at = k + arg.closeMark.length
    }
  }
  return at
}

// Give every node a position: text from its source map, parents from their children.
function setPositions(node: Nodes, place: ReturnType<typeof location>, length: number): [number, number] | undefined {
  const point = (offset: number) => {
    const p = place.toPoint(offset) ?? place.toPoint(length)
    return {line: p?.line ?? 1, column: p?.column ?? 1, offset}
  }
  let range: [number, number] | undefined
  if (node.type === 'text' && (node as MappedText).data?.sourceMap) {
    const map = (node as MappedText).data.sourceMap
    for (let k = 0; k < map.starts.length; k++) range = range ? [Math.min(range[0], map.starts[k]), Math.max(range[1], map.ends[k])] : [map.starts[k], map.ends[k]]
  } else if (node.position) {
    range = [node.position.start.offset ?? 0, node.position.end.offset ?? 0]
    if ('children' in node) for (const child of node.children) setPositions(child, place, length)
  } else if ('children' in node) {
    for (const child of node.children) {
      const r = setPositions(child, place, length)
      if (!r) continue
      range = range ? [Math.min(range[0], r[0]), Math.max(range[1], r[1])] : r
    }
  }
  if (range) node.position = {start: point(range[0]), end: point(range[1])}
  return range
}
