import {it} from 'vitest'
import {parseDocument} from '../src/core/processor.ts'
it('dbg', async () => {
  const doc = parseDocument(process.env.DBG_TEXT ?? '', (process.env.DBG_FMT ?? 'md') as any)
  for (const s of doc.sentences) console.log(JSON.stringify(s.tokens.map((t: any) => [t.kind[0], t.text, t.start])))
})
