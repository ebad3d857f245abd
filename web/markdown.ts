// Rich text into Markdown, with the unified collective's tools: a Word document's tree (from the
// core's reader) and HTML pasted from Word or Google Docs. Loaded on the first paste or .docx.
import type {Element, Root as HastRoot, RootContent as HastContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toMdast} from 'hast-util-to-mdast'
import type {Root as MdastRoot} from 'mdast'
import {gfmToMarkdown} from 'mdast-util-gfm'
import {toMarkdown, type Options} from 'mdast-util-to-markdown'

// GFM: Word documents and pasted HTML may hold tables and strikethrough.
const markdownOptions = {bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true, extensions: [gfmToMarkdown()]} satisfies Options

/** A Markdown tree as Markdown text, ending in one newline. */
export function markdownOf(tree: MdastRoot): string {
  return toMarkdown(tree, markdownOptions)
}

/** HTML from the clipboard as Markdown that keeps its bold, italics, headings, lists and links. */
export function markdownFromHtml(html: string): string {
  const hast = fromHtml(html, {fragment: true})
  normalizeStyles(hast)
  const markdown = toMarkdown(toMdast(hast) as MdastRoot, markdownOptions)
  return markdown.replace(/\n+$/, '')
}

// Google Docs wraps a whole copy in <b style="font-weight:normal"> and marks bold and italics with
// inline styles on <span>s; Word writes <b> and <i>, sometimes with styles too. Turn styles into
// elements hast-util-to-mdast understands, and a "bold" that is not bold into a plain span.
function normalizeStyles(node: HastRoot | Element): void {
  for (const child of node.children as HastContent[]) {
    if (child.type !== 'element') continue
    const style = String(child.properties?.style ?? '').toLowerCase()
    const weight = /font-weight\s*:\s*([a-z0-9]+)/.exec(style)?.[1]
    const italic = /font-style\s*:\s*italic/.test(style)
    const bold = weight !== undefined && (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600)
    const notBold = weight !== undefined && !bold
    if ((child.tagName === 'b' || child.tagName === 'strong') && notBold) child.tagName = 'span'
    if (child.tagName === 'span' || child.tagName === 'font') {
      if (bold && italic) {
        child.tagName = 'strong'
        child.children = [{type: 'element', tagName: 'em', properties: {}, children: child.children}]
      } else if (bold) child.tagName = 'strong'
      else if (italic) child.tagName = 'em'
    }
    normalizeStyles(child)
  }
}
