// `soplint web` as a user starts it: the real bin, its one line on stdout, what it serves and
// refuses, its errors, and a clean stop on Ctrl-C (SIGINT).
import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {request} from 'node:http'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bin, soplint} from './helpers.ts'

let server: ChildProcess
let port: number

/** Start `soplint web` with these arguments; resolves to the process and its first stdout line. */
function start(args: string[], env: Record<string, string> = {}): Promise<{child: ChildProcess; line: string}> {
  const child = spawn(process.execPath, [bin, 'web', ...args], {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, ...env}})
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      if (out.includes('\n')) resolve({child, line: out})
    })
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)))
  })
}

/** A raw HTTP request to the server (no URL normalisation, any Host header). */
function get(path: string, options: {method?: string; headers?: Record<string, string>} = {}): Promise<{status: number; headers: Record<string, unknown>; body: string}> {
  return new Promise((resolve, reject) => {
    const req = request({host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers}, (res) => {
      let body = ''
      res.setEncoding('latin1')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({status: res.statusCode!, headers: res.headers, body}))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  const started = await start(['--port', '0'])
  server = started.child
  expect(started.line).toMatch(/^soplint: http:\/\/127\.0\.0\.1:\d+\/\n$/)
  port = Number(/:(\d+)\//.exec(started.line)![1])
})

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL')
})

describe('soplint web', () => {
  it('serves the page, its scripts and its service worker, with a policy that allows nothing from elsewhere', async () => {
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.body).toContain('data-testid="kind"')
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'")
    for (const file of ['/main.js', '/worker.js', '/boot.js', '/sw.js', '/style.css']) {
      const response = await get(file, {headers: {'Accept-Encoding': 'gzip'}})
      expect(response.status, file).toBe(200)
    }
    const zipped = await get('/worker.js', {headers: {'Accept-Encoding': 'gzip, br'}})
    expect(zipped.headers['content-encoding']).toBe('gzip')
    const plain = await get('/worker.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Number(plain.headers['content-length']) / 2)
  })

  it('serves nothing outside the page folder and answers only GET and HEAD', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/chunks/../../cli.js', '/nothing-here.js', '/%00', '/chunks/']) {
      expect((await get(path)).status, path).toBe(404)
    }
    expect((await get('/', {method: 'POST'})).status).toBe(405)
    expect((await get('/', {method: 'HEAD'})).status).toBe(200)
  })

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await get('/', {headers: {Host: 'attacker.example:' + port}})).status).toBe(421)
    expect((await get('/', {headers: {Host: 'localhost:' + port}})).status).toBe(200)
  })

  it('stops cleanly on SIGINT with exit code 0', async () => {
    const {child} = await start(['--port', '0'])
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    expect(await exited).toBe(0)
  })

  it('--open hands the URL to the system opener (xdg-open here), and says so when there is none', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soplint-open-'))
    const record = path.join(dir, 'opened.txt')
    writeFileSync(path.join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${record}'\n`, {mode: 0o755})
    const {child, line} = await start(['--port', '0', '--open'], {PATH: `${dir}${path.delimiter}${process.env.PATH}`})
    await expect.poll(() => (existsSync(record) ? readFileSync(record, 'utf8') : ''), {timeout: 10_000}).toBe(line.slice('soplint: '.length).trim())
    child.kill('SIGINT')
    const alone = await start(['--port', '0', '--open'], {PATH: dir + '-missing'})
    let stderr = ''
    alone.child.stderr!.on('data', (chunk) => (stderr += chunk))
    await expect.poll(() => stderr, {timeout: 10_000}).toBe(`soplint: could not open a browser; open ${alone.line.slice('soplint: '.length).trim()}\n`)
    alone.child.kill('SIGINT')
  })

  it('reports a port in use or a bad port in one line with exit code 2', () => {
    const busy = soplint(['web', '--port', String(port)])
    expect(busy.code).toBe(2)
    expect(busy.stderr).toBe(`soplint: port ${port} is in use on 127.0.0.1; pick another with --port (0 picks a free one)\n`)
    expect(busy.stdout).toBe('')
    const bad = soplint(['web', '--port', 'eighty'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('expected a port number from 0 to 65535')
    expect(bad.stderr).not.toMatch(/\n\s+at /)
  })
})
