// The statement's text as HTML with every finding marked in place. A pure function over strings
// (no DOM), so the HTML report and a web page render the same way.
import type {LintMessage} from './types.ts'

/** Options of renderHighlights(). */
export interface HighlightOptions {
  /** Prefix of the ids of the marks (`<prefix>-<index>`), unique per document on a page. */
  idPrefix?: string
}

/** What renderHighlights() returns: the HTML, and the indices of findings it could not mark. */
export interface Highlighted {
  html: string
  /** Findings whose range crosses another's (neither holds the other); they are listed, not marked. */
  unmarked: number[]
}

const entities: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c])
}

/**
 * The text, escaped, with each finding in a `<mark>` whose text is exactly the flagged text:
 * `data-rule` (rule id), `data-level`, `data-message`, `id` `<prefix>-<index>` (index into
 * `messages`), `tabindex="0"` and `aria-describedby` `<prefix>-<index>-msg` (the page supplies
 * that element, holding the message). A finding inside another is nested in its mark; one that
 * crosses another's edge cannot be, and is left out (its index is in `unmarked`). Offsets are
 * UTF-16 offsets into the text without a leading byte order mark, as lint() gives them.
 */
export function renderHighlights(text: string, messages: readonly LintMessage[], options: HighlightOptions = {}): Highlighted {
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  const prefix = options.idPrefix ?? 'f'
  const order = messages
    .map((m, index) => index)
    .filter((i) => messages[i].offset >= 0 && messages[i].endOffset <= text.length && messages[i].offset <= messages[i].endOffset)
    .sort((a, b) => messages[a].offset - messages[b].offset || messages[b].endOffset - messages[a].endOffset || a - b)
  const placed = new Set(order)
  const unmarked = messages.map((m, index) => index).filter((i) => !placed.has(i))
  let html = ''
  let pos = 0
  const open: number[] = [] // end offsets of the open marks, innermost last
  const emitTo = (to: number) => {
    if (to > pos) html += escapeHtml(text.slice(pos, to))
    pos = Math.max(pos, to)
  }
  const closeUntil = (offset: number) => {
    while (open.length > 0 && open[open.length - 1] <= offset) {
      emitTo(open.pop()!)
      html += '</mark>'
    }
  }
  for (const index of order) {
    const m = messages[index]
    // Zero-width findings are closed where they open; others close once the text passes their end.
    closeUntil(m.offset === m.endOffset ? m.offset - 1 : m.offset)
    if (open.length > 0 && open[open.length - 1] < m.endOffset) {
      unmarked.push(index)
      continue
    }
    emitTo(m.offset)
    const id = `${prefix}-${index}`
    html += `<mark class="hl ${m.level}" id="${id}" data-rule="${escapeHtml(m.ruleId)}" data-level="${m.level}" data-message="${escapeHtml(m.message)}" tabindex="0" aria-describedby="${id}-msg">`
    if (m.offset === m.endOffset) html += '</mark>'
    else open.push(m.endOffset)
  }
  closeUntil(Infinity)
  emitTo(text.length)
  return {html, unmarked: unmarked.sort((a, b) => a - b)}
}
