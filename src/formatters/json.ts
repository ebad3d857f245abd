import type {Formatter} from './types.ts'

/** ESLint-compatible JSON: the stable machine contract. */
export const json: Formatter = (results) =>
  JSON.stringify(
    results.map(({source, ...result}) => ({
      ...result,
      messages: result.messages.map((m) => ({
        ...m,
        ...(m.fixable ? {fix: {range: [m.offset, m.endOffset], text: m.expected[0]}} : {}),
        ...(!m.fixable && m.expected.length ? {suggestions: m.expected.map((text) => ({desc: text === '' ? 'Delete it' : `Replace with \`${text}\``, fix: {range: [m.offset, m.endOffset], text}}))} : {})
      }))
    }))
  )
