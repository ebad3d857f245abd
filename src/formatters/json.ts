import type {FileResult, Formatter} from './types.ts'

const mark = '\u0000soplint messages\u0000'
const markJson = JSON.stringify(mark)

/**
 * ESLint-compatible JSON, in pieces of about `per` messages: a long document may have a hundred
 * thousand findings, and one string of them all (and its copy as bytes on the way out) held the
 * report several times over in memory. The CLI writes the pieces as they come.
 */
export function* jsonChunks(results: FileResult[], per = 500): Generator<string> {
  yield '['
  for (const [index, {source, ...result}] of results.entries()) {
    // The result's fields in their order, with a mark where the messages go.
    const head = JSON.stringify({...result, messages: [mark]})
    const at = head.indexOf(markJson)
    let part = (index > 0 ? ',' : '') + head.slice(0, at)
    for (const [i, m] of result.messages.entries()) {
      part += (i > 0 ? ',' : '') + JSON.stringify(message(m))
      if ((i + 1) % per === 0) {
        yield part
        part = ''
      }
    }
    yield part + head.slice(at + markJson.length)
  }
  yield ']'
}

function message(m: FileResult['messages'][number]) {
  return {
    ...m,
    ...(m.fixable ? {fix: {range: [m.offset, m.endOffset], text: m.expected[0]}} : {}),
    ...(!m.fixable && m.expected.length ? {suggestions: m.expected.map((text) => ({desc: text === '' ? 'Delete it' : `Replace with \`${text}\``, fix: {range: [m.offset, m.endOffset], text}}))} : {})
  }
}

/** ESLint-compatible JSON: the stable machine contract. */
export const json: Formatter = (results) => [...jsonChunks(results)].join('')
