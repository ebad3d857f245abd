// The shipped editor set-ups, run in the real editors as a user has them: Neovim (0.7 and later)
// with editors/nvim/setup.lua, Emacs with Eglot and editors/emacs/soplint-eglot.el. Each opens a
// Markdown, plain-text or LaTeX statement, gets soplint's findings from the language server, and
// (Neovim) applies a quick fix. `soplint` is put on PATH, as the set-up docs ask.
import {spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, workspace} from './helpers.ts'

const has = (command: string, args: string[]) => spawnSync(command, args, {encoding: 'utf8'}).status === 0
const hasNvim = has('nvim', ['--version'])
const hasEmacs = has('emacs', ['--batch', '--eval', "(require 'eglot)"])

if (process.env.CI) {
  describe('editors in CI', () => {
    it('has Neovim and Emacs with Eglot (.ci/run installs neovim, emacs-nox and elpa-eglot)', () => {
      expect(hasNvim, 'nvim is not on PATH').toBe(true)
      expect(hasEmacs, 'emacs with eglot is not installed').toBe(true)
    })
  })
}

// A statement in each format, with one slip (`the the`) and, in LaTeX, a comment that is not prose.
const statements = {
  'statement.md': '# Statement\n\nI ran the the experiments myself.\n',
  'notes.txt': 'I ran the the experiments myself.\n',
  'statement.tex': '\\documentclass{article}\n\\begin{document}\n% the the in a comment is not prose\nI ran the the \\emph{experiments} myself.\n\\end{document}\n',
  // No \documentclass: Neovim calls it plaintex, Emacs plain-tex-mode.
  'chapter.tex': '% the the in a comment is not prose\nI ran the the \\emph{experiments} myself.\n'
}

/** A folder with the statements and a `soplint` on PATH that runs this checkout's bin. */
function setUp(): {dir: string; env: NodeJS.ProcessEnv} {
  const dir = workspace(statements)
  mkdirSync(path.join(dir, 'bin'))
  const shim = path.join(dir, 'bin', 'soplint')
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`)
  chmodSync(shim, 0o755)
  return {dir, env: {...process.env, PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1', HOME: dir}}
}

const editors = path.resolve('editors')

describe.skipIf(!hasNvim)(hasNvim ? 'Neovim' : 'Neovim (skipped: nvim is not on PATH; apt-get install neovim)', () => {
  const {dir, env} = setUp()
  const nvim = (file: string) => {
    const r = spawnSync('nvim', ['--headless', '-n', '-u', path.join(editors, 'nvim', 'check.lua'), file], {cwd: dir, env, encoding: 'utf8', timeout: 60_000})
    return `${r.stdout}${r.stderr}`
  }

  it('the version under test is one setup.lua supports', () => {
    const version = spawnSync('nvim', ['--version'], {encoding: 'utf8'}).stdout.split('\n')[0]
    expect(version).toMatch(/^NVIM v0\.(?:[7-9]|\d\d)\./)
  })

  const cases: Array<[string, string, string]> = [
    ['statement.md', 'markdown', '3:7-3:14 WARN [repeated-word] `the the` repeats a word; write `the`'],
    ['notes.txt', 'text', '1:7-1:14 WARN [repeated-word] `the the` repeats a word; write `the`'],
    ['statement.tex', 'tex', '4:7-4:14 WARN [repeated-word] `the the` repeats a word; write `the`'],
    ['chapter.tex', 'plaintex', '2:7-2:14 WARN [repeated-word] `the the` repeats a word; write `the`']
  ]
  for (const [file, filetype, finding] of cases) {
    it(`attaches to ${file} (${filetype}), shows the finding and applies its quick fix`, () => {
      const out = nvim(file)
      expect(out).toContain(`filetype: ${filetype}\n`)
      const [before, after] = out.split('applying: ')
      expect(before).toContain(`  ${finding}\n`)
      // LaTeX: the comment's `the the` is not prose, so it is the only repeated word.
      expect(before.match(/\[repeated-word\]/g)).toHaveLength(1)
      expect(after, out).toMatch(/^Replace `the the` with `the`\nafter the fix: \d+ diagnostics\n/)
      expect(after).not.toContain('[repeated-word]')
    })
  }
})

describe.skipIf(!hasEmacs)(hasEmacs ? 'Emacs (Eglot)' : 'Emacs (skipped: emacs with Eglot is not installed; apt-get install emacs-nox elpa-eglot)', () => {
  const {dir, env} = setUp()
  const emacs = (file: string) => {
    const r = spawnSync('emacs', ['--batch', '-l', path.join(editors, 'emacs', 'check.el'), file], {cwd: dir, env, encoding: 'utf8', timeout: 60_000})
    return {code: r.status, out: `${r.stdout}${r.stderr}`}
  }

  const cases: Array<[string, string, string, string]> = [
    ['notes.txt', 'text-mode', 'plaintext', '1:7 eglot-warning soplint [repeated-word]: `the the` repeats a word; write `the`'],
    ['statement.tex', 'latex-mode', 'latex', '4:7 eglot-warning soplint [repeated-word]: `the the` repeats a word; write `the`'],
    ['chapter.tex', 'plain-tex-mode', 'latex', '2:7 eglot-warning soplint [repeated-word]: `the the` repeats a word; write `the`']
  ]
  for (const [file, mode, language, finding] of cases) {
    it(`attaches to ${file} in ${mode} as ${language} and shows the finding`, () => {
      const {code, out} = emacs(file)
      expect(code, out).toBe(0)
      expect(out).toContain(`mode: ${mode}\nlanguage: ${language}\n`)
      expect(out).toContain(`  ${finding}\n`)
      expect(out.match(/\[repeated-word\]/g)).toHaveLength(1)
    })
  }
})
