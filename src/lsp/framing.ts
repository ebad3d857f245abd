// A guard in front of the protocol reader. vscode-jsonrpc survives a body that is not JSON,
// but a header block without a usable Content-Length makes it stop reading what is already
// buffered until more bytes arrive, so a client's framing bug could stall the server. This
// passes on only well-framed messages and drops (and reports) everything else.
import {Transform} from 'node:stream'

const separator = Buffer.from('\r\n\r\n')
const maxHeader = 8 * 1024
/** Larger than any document an editor sends (the server lints up to soplint.maxLength of it). */
const maxBody = 256 * 1024 * 1024

/** A stream of only well-framed `Content-Length` messages; `onDrop` hears what was dropped. */
export function framedMessages(onDrop: (reason: string) => void): Transform {
  let buffer = Buffer.alloc(0)
  let bodyLength = -1
  let header = Buffer.alloc(0)
  // The chunks of a long body, joined once it is complete: joining at every chunk copied a 50 MB
  // message hundreds of times over, and the server stalled for minutes.
  let parts: Buffer[] = []
  let partsLength = 0
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const data = Buffer.from(chunk)
      if (bodyLength >= 0 && buffer.length + partsLength + data.length < bodyLength) {
        parts.push(data)
        partsLength += data.length
        done()
        return
      }
      buffer = parts.length > 0 || buffer.length > 0 ? Buffer.concat([buffer, ...parts, data]) : data
      parts = []
      partsLength = 0
      for (;;) {
        if (bodyLength >= 0) {
          if (buffer.length < bodyLength) break
          this.push(Buffer.concat([header, buffer.subarray(0, bodyLength)]))
          buffer = buffer.subarray(bodyLength)
          bodyLength = -1
          continue
        }
        const end = buffer.indexOf(separator)
        if (end < 0) {
          if (buffer.length > maxHeader) {
            onDrop(`${buffer.length} bytes without a message header`)
            buffer = Buffer.alloc(0)
          }
          break
        }
        const text = buffer.subarray(0, end).toString('latin1')
        // Resynchronise on the last Content-Length of the block: bytes before it are debris of a broken message.
        const matches = [...text.matchAll(/content-length:[ \t]*(\d+)[ \t]*(?=\r\n|$)/gi)]
        const match = matches.at(-1)
        if (!match) {
          onDrop(`a message header without a valid Content-Length (${JSON.stringify(text.slice(0, 80))})`)
          buffer = buffer.subarray(end + separator.length)
          continue
        }
        if (match.index > 0) onDrop(`${match.index} bytes before a message header`)
        if (Number(match[1]) > maxBody) {
          // Waiting for it would swallow every later message; its body is dropped as debris.
          onDrop(`a message header announcing ${match[1]} bytes, over the limit of ${maxBody}`)
          buffer = buffer.subarray(end + separator.length)
          continue
        }
        header = Buffer.from(buffer.subarray(match.index, end + separator.length))
        bodyLength = Number(match[1])
        buffer = buffer.subarray(end + separator.length)
      }
      done()
    }
  })
}
