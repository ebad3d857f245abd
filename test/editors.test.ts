// Editors, for real: Neovim (editors/nvim/check.lua) and Emacs with Eglot (editors/emacs/check.el)
// start the built server for a statement, headless, and print the diagnostics they received,
// which must be the CLI's findings at the same places; and the VS Code extension is packaged
// into a .vsix with @vscode/vsce, its manifest declaring the languages and settings the server
// reads. In CI, .ci/run installs Emacs and Eglot (Debian's emacs-nox and elpa-eglot).
import {execFileSync, spawnSync} from 'node:child_process'
import {chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import {describe, expect, it} from 'vitest'
import {configKeys, defaultSettings, readSettings} from '../src/lsp/config.ts'
import {defaultLanguages} from '../src/lsp/formats.ts'
import {bin, soplint, workspace} from './helpers.ts'

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0

// `soplint` on PATH, as the editor set-ups expect, running this checkout's build.
const shim = mkdtempSync(path.join(tmpdir(), 'soplint-path-'))
writeFileSync(path.join(shim, 'soplint'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"\n`)
chmodSync(path.join(shim, 'soplint'), 0o755)
const env = {...process.env, PATH: `${shim}:${process.env.PATH}`, SOPLINT_WORKERS: '0', HOME: mkdtempSync(path.join(tmpdir(), 'soplint-home-'))}

const statements = {
  'sop.md': '# Statement of Purpose\n\nI am applying to the [Program Name] because I want to study the the theory of planning 🤖.\n',
  'sop.tex': '\\documentclass{article}\n\\begin{document}\n\\section{Goals}\nI am applying to the [Program Name] because I want to \\emph{study} the the theory of planning.\n\\end{document}\n'
}

/** The CLI's findings for a file, as `line:col-endLine:endCol rule`. */
function cliFindings(dir: string, file: string): string[] {
  const [result] = JSON.parse(soplint(['-f', 'json', file], {cwd: dir}).stdout) as Array<{messages: Array<{ruleId: string; line: number; column: number; endLine: number; endColumn: number}>}>
  return result.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}`).sort()
}

const editors = [
  {name: 'Neovim', command: 'nvim', installed: has('nvim')},
  {name: 'Emacs', command: 'emacs', installed: has('emacs') && spawnSync('emacs', ['--batch', '--eval', "(progn (package-initialize) (require 'eglot))"]).status === 0}
]

for (const editor of editors) {
  if (!editor.installed && process.env.CI) {
    it(`${editor.name} is installed in CI`, () => expect.fail(`${editor.name} is not installed: .ci/run must install it`))
  }
}

describe.skipIf(!editors[0].installed)('Neovim (editors/nvim/check.lua)', () => {
  it('receives the CLI findings for a Markdown statement and applies a quick fix', () => {
    const dir = workspace(statements)
    const r = spawnSync('nvim', ['--headless', '-n', '-u', path.resolve('editors/nvim/check.lua'), 'sop.md'], {cwd: dir, env, encoding: 'utf8', timeout: 60_000})
    expect(r.status, r.stderr).toBe(0)
    const [before, after] = r.stdout.split(/^applying: .*$/m)
    const seen = (text: string) => [...text.matchAll(/^ {2}(\d+:\d+-\d+:\d+) \w+ \[([\w-]+)\]/gm)].map((m) => `${m[1]} ${m[2]}`).sort()
    expect(seen(before)).toEqual(cliFindings(dir, 'sop.md'))
    expect(r.stdout).toMatch(/^applying: Replace `the the` with `the`$/m)
    expect(seen(after)).not.toContain(expect.stringMatching(/repeated-word$/))
  }, 90_000)
})

describe.skipIf(!editors[1].installed)('Emacs with Eglot (editors/emacs/check.el)', () => {
  for (const [file, language] of [['sop.md', 'markdown'], ['sop.tex', 'latex']]) {
    it(`shows the CLI findings for ${file} through Flymake, sent as ${language}`, () => {
      const dir = workspace(statements)
      const r = spawnSync('emacs', ['--batch', '-l', path.resolve('editors/emacs/check.el'), file], {cwd: dir, env, encoding: 'utf8', timeout: 90_000})
      expect(r.status, r.stdout + r.stderr).toBe(0)
      expect(r.stdout).toMatch(new RegExp(`^mode: \\S+-mode, language: ${language}$`, 'm'))
      const seen = [...r.stdout.matchAll(/^ {2}(\d+:\d+-\d+:\d+) eglot-(?:error|warning|note) soplint \[([\w-]+)\]: /gm)].map((m) => `${m[1]} ${m[2]}`).sort()
      // Emacs counts columns in characters, the CLI in UTF-16 units: the same before the emoji.
      expect(seen).toEqual(cliFindings(dir, file))
    }, 120_000)
  }
})

describe('VS Code extension (editors/vscode)', () => {
  const manifest = JSON.parse(readFileSync('editors/vscode/package.json', 'utf8'))
  const properties = manifest.contributes.configuration.properties as Record<string, {type: string | string[]; default: unknown; enum?: unknown[]; items?: {type: string}}>

  it('packages into a .vsix with @vscode/vsce, bundled, with no network', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'soplint-vsix-')), 'soplint.vsix')
    // No proxy and an unreachable registry: packaging must not reach out.
    execFileSync(process.execPath, ['scripts/package-vscode.js', out], {env: {...process.env, npm_config_registry: 'http://127.0.0.1:9/', HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9'}, stdio: 'pipe'})
    expect(existsSync(out)).toBe(true)
    const zip = await JSZip.loadAsync(readFileSync(out))
    expect(Object.keys(zip.files).filter((f) => !zip.files[f].dir).sort()).toEqual(['[Content_Types].xml', 'extension.vsixmanifest', 'extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/package.json', 'extension/readme.md'])
    const packaged = JSON.parse(await zip.file('extension/package.json')!.async('string'))
    expect(packaged.main).toBe('./dist/extension.js')
    expect(packaged.contributes).toEqual(manifest.contributes)
    // The bundle needs nothing but the editor's `vscode` module and Node's own.
    const bundle = await zip.file('extension/dist/extension.js')!.async('string')
    const required = new Set([...bundle.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]))
    expect([...required].filter((m) => m !== 'vscode' && !m.startsWith('node:') && !builtinModules.includes(m))).toEqual([])
    expect(required.has('vscode')).toBe(true)
    expect(await zip.file('extension.vsixmanifest')!.async('string')).toContain('Id="soplint" Version="0.1.0" Publisher="soplint"')
  }, 120_000)

  it('activates for, and lints by default, every language the server reads', () => {
    const serverLanguages = defaultLanguages.filter((l) => !['text', 'tex'].includes(l)) // Neovim's and Helix's names
    expect(properties['soplint.languages'].default).toEqual(serverLanguages)
    expect(manifest.activationEvents).toEqual(serverLanguages.map((l) => `onLanguage:${l}`))
  })

  it('declares every setting the server reads, and each one it declares the server reads', () => {
    const sample = (spec: (typeof properties)[string]): unknown => {
      const types = [spec.type].flat()
      if (spec.enum) return spec.enum.find((v) => v !== null)
      if (types.includes('boolean')) return !spec.default
      if (types.includes('number')) return 7
      if (types.includes('array') && spec.items?.type === 'string') return ['latex']
      if (types.includes('array')) return [{phrase: 'utilize', replace: 'use', message: 'write `use`'}]
      if (types.includes('object')) return {hedge: 'off'}
      return 'ETH Zurich'
    }
    const base = defaultSettings(defaultLanguages)
    for (const [key, spec] of Object.entries(properties)) {
      const name = key.replace(/^soplint\./, '')
      if (name === 'path') continue // the extension's own: which server to start
      const {settings, problems} = readSettings(base, {soplint: {[name]: sample(spec)}})
      expect(problems, key).toEqual([])
      expect(settings, `${key} changes nothing the server reads`).not.toEqual(base)
    }
    const read = [...Object.keys(base).filter((k) => k !== 'config'), ...configKeys.filter((k) => k !== 'kind')] // `kind` is `preset`'s other name
    expect(read.map((k) => `soplint.${k}`).filter((k) => !properties[k])).toEqual([])
  })
})
