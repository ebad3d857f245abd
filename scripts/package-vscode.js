// Build the VS Code extension in editors/vscode into a .vsix: bundle extension.js with
// vscode-languageclient (esbuild; `vscode` is the editor's own), stage it with the manifest,
// a README and the licence, and package it with @vscode/vsce. Needs no network.
// Usage: node scripts/package-vscode.js [output.vsix]   (default: editors/vscode/soplint-<version>.vsix)
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {build} from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
const source = path.join(root, 'editors/vscode')
const manifest = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'))
const out = path.resolve(process.argv[2] ?? path.join(source, `${manifest.name}-${manifest.version}.vsix`))

const stage = mkdtempSync(path.join(tmpdir(), 'soplint-vsix-'))
try {
  await build({entryPoints: [path.join(source, 'extension.js')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], outfile: path.join(stage, 'dist/extension.js'), minify: true, legalComments: 'eof', logLevel: 'warning'})
  // The bundle carries its one dependency, so the packaged manifest declares none.
  const packaged = {...manifest, main: './dist/extension.js'}
  delete packaged.dependencies
  delete packaged.devDependencies
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify(packaged, null, 2) + '\n')
  copyFileSync(path.join(source, 'README.md'), path.join(stage, 'README.md'))
  copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'))
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce')
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {cwd: stage, stdio: ['ignore', 'inherit', 'inherit']})
} finally {
  rmSync(stage, {recursive: true, force: true})
}
