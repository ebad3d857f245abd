// `soplint web`: serve the web page (dist/web/, built by scripts/build-web.js) on this machine.
// It serves only that folder's files, to GET and HEAD, on loopback unless --host says otherwise,
// and answers only requests addressed to the host it listens on (a web page elsewhere cannot
// reach it through a DNS name that points here). The page itself sends nothing anywhere.
import {spawn} from 'node:child_process'
import {existsSync, readFileSync, statSync} from 'node:fs'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {gzipSync} from 'node:zlib'
import {InputError} from '../core/errors.ts'

/** Options of `soplint web`. */
export interface WebOptions {
  port: number
  host: string
  open?: boolean
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8'
}

// The same policy as the page's own meta tag, sent as a header too: nothing from elsewhere.
const policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** dist/web/, beside the bundled CLI (dist/cli.js or a chunk in dist/chunks/). */
export function webRoot(): string {
  for (const candidate of ['./web/', '../web/']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url))
    if (existsSync(path.join(dir, 'index.html'))) return dir
  }
  throw new InputError('the web page is not built (dist/web/index.html is missing); run npm run build')
}

/** Serve the page until SIGINT or SIGTERM; resolves to the exit code once the server has stopped. */
export async function serveWeb(options: WebOptions, io: {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream}): Promise<number> {
  const root = webRoot()
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(options.host)
  const cache = new Map<string, {body: Buffer; gzip: Buffer | undefined; type: string}>()
  let allowedHosts: Set<string> | undefined

  const server = createServer((request, response) => {
    try {
      handle(request, response)
    } catch {
      send(response, 500, 'soplint: internal error')
    }
  })

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (loopback && allowedHosts && !allowedHosts.has(String(request.headers.host).toLowerCase())) return send(response, 421, 'soplint: wrong host')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return send(response, 405, 'soplint: only GET and HEAD')
    }
    const file = resolveFile(root, request.url ?? '/')
    if (!file) return send(response, 404, 'soplint: not found')
    let entry = cache.get(file)
    if (!entry) {
      const body = readFileSync(file)
      const type = types[path.extname(file)] ?? 'application/octet-stream'
      entry = {body, type, gzip: /^(text|image\/svg|application\/json)/.test(type) && body.length > 1024 ? gzipSync(body, {level: 9}) : undefined}
      cache.set(file, entry)
    }
    const gzip = entry.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
    const body = gzip ? entry.gzip! : entry.body
    response.writeHead(200, {
      'Content-Type': entry.type,
      'Content-Length': body.length,
      ...(gzip ? {'Content-Encoding': 'gzip'} : {}),
      Vary: 'Accept-Encoding',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': policy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin'
    })
    response.end(request.method === 'HEAD' ? undefined : body)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new InputError(`port ${options.port} is in use on ${options.host}; pick another with --port (0 picks a free one)`)
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') throw new InputError(`cannot listen on host ${options.host}: not an address of this machine`)
    if (error.code === 'EACCES') throw new InputError(`not allowed to listen on port ${options.port}; use a port above 1023`)
    throw error
  })

  const {port} = server.address() as AddressInfo
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host
  allowedHosts = new Set([`${shown}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`])
  // Ctrl-C is handled before the address is printed: whoever reads the line may stop us at once.
  const stopped = new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      server.close(() => resolve(0))
      server.closeAllConnections()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  const url = `http://${shown}:${port}/`
  io.stdout.write(`soplint: ${url}\n`)
  if (options.open) openBrowser(url, io)
  return stopped
}

/** The file under `root` a request path names; undefined for anything outside it or not a file. */
export function resolveFile(root: string, url: string): string | undefined {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname)
  } catch {
    return undefined
  }
  if (pathname.includes('\0')) return undefined
  if (pathname.endsWith('/')) pathname += 'index.html'
  const file = path.resolve(root, '.' + pathname)
  if (file !== root && !file.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) return undefined
  try {
    return statSync(file).isFile() ? file : undefined
  } catch {
    return undefined
  }
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff'})
  response.end(text + '\n')
}

// The system's way to open a URL; a failure only prints the URL again.
function openBrowser(url: string, io: {stderr: NodeJS.WritableStream}): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]]
  try {
    const child = spawn(command, args, {stdio: 'ignore', detached: true})
    child.on('error', () => io.stderr.write(`soplint: could not open a browser; open ${url}\n`))
    child.unref()
  } catch {
    io.stderr.write(`soplint: could not open a browser; open ${url}\n`)
  }
}
