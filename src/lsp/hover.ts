// Hover: the findings under the cursor, narrowest first, with their rule's explanation.
import {ResponseError} from 'vscode-languageserver/node'
import {toOffset} from './convert.ts'
import {hoverFor} from './actions.ts'
import {refuseAfterShutdown, type ServerContext} from './context.ts'

/** Answer textDocument/hover. */
export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(async (params, token) => {
    refuseAfterShutdown(ctx)
    try {
      const found = await ctx.fresh(params.textDocument.uri, token)
      if (!found) return null
      const {doc, last} = found
      const offset = toOffset(doc, params.position, last.bom)
      // The narrowest finding first: its range is the hover's (a whole-text finding comes last).
      const hits = last.messages
        .filter((m) => m.offset <= offset && (offset < m.endOffset || m.offset === m.endOffset))
        .sort((a, b) => a.endOffset - a.offset - (b.endOffset - b.offset))
      const formats = ctx.capabilities.textDocument?.hover?.contentFormat
      const {rules} = await ctx.loadCore()
      return hoverFor(hits, rules, last.bom, !formats || formats.includes('markdown'))
    } catch (error) {
      if (error instanceof ResponseError) throw error
      ctx.logError('hover failed', error)
      return null
    }
  })
}
