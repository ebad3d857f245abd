// Rich text into Markdown, with the unified collective's tools: a Word document's tree (from the
// core's reader) and HTML pasted from Word or Google Docs. Loaded on the first paste or .docx.
import type {Element, Root as HastRoot, RootContent as HastContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toMdast} from 'hast-util-to-mdast'
import type {Nodes as MdastNodes, Parent as MdastParent, Root as MdastRoot, Text} from 'mdast'
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
  const tree = toMdast(hast) as MdastRoot
  hoistSpaces(tree)
  return toMarkdown(tree, markdownOptions).replace(/\n+$/, '')
}

// `<b> both</b>` is bold with a space inside, which Markdown cannot write (`** both**` is not
// bold); the space belongs before the emphasis, as a writer would type it.
function hoistSpaces(node: MdastParent): void {
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i] as MdastNodes
    if (!('children' in child)) continue
    hoistSpaces(child as MdastParent)
    if (child.type !== 'strong' && child.type !== 'emphasis') continue
    const first = edgeText(child, 0)
    const lead = first ? /^\s+/.exec(first.value)?.[0] : undefined
    if (first && lead) {
      first.value = first.value.slice(lead.length)
      node.children.splice(i, 0, {type: 'text', value: lead} as never)
      i++
    }
    const last = edgeText(child, -1)
    const trail = last ? /\s+$/.exec(last.value)?.[0] : undefined
    if (last && trail) {
      last.value = last.value.slice(0, last.value.length - trail.length)
      node.children.splice(i + 1, 0, {type: 'text', value: trail} as never)
    }
  }
}

// The first (0) or last (-1) text inside nested emphasis.
function edgeText(node: MdastNodes, at: 0 | -1): Text | undefined {
  while ('children' in node && node.children.length > 0) node = node.children.at(at) as MdastNodes
  return node.type === 'text' ? node : undefined
}

// Google Docs wraps a whole copy in <b style="font-weight:normal"> and marks bold and italics with
// inline styles on <span>s; Word writes <b> and <i>, sometimes with styles too. Turn styles into
// elements hast-util-to-mdast understands, and a "bold" that is not bold into a plain span.
function normalizeStyles(node: HastRoot | Element): void {
  // Word's <!--StartFragment--> and conditional comments are not text.
  node.children = (node.children as HastContent[]).filter((child) => child.type !== 'comment') as typeof node.children
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
