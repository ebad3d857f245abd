// The VS Code extension (editors/vscode), for real: packaged into a .vsix with @vscode/vsce, its
// manifest declaring the languages and settings the server reads. (Neovim and Emacs are driven
// headless in editors.test.ts.)
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import {describe, expect, it} from 'vitest'
import {configKeys, defaultSettings, readSettings} from '../src/lsp/config.ts'
import {defaultLanguages} from '../src/lsp/formats.ts'

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
