// The pre-commit hooks as users get them: the real pre-commit framework installs this checkout
// (at its HEAD commit) as a node hook repository into a throwaway git repository, refuses a
// commit with a flawed statement, lets a clean one through, and --fix mends one.
//
// It tests what is committed: commit .pre-commit-hooks.yaml and the sources first. pre-commit
// clones the checkout, runs `npm install` (which builds through `prepare`), packs and installs it.
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it, onTestFinished} from 'vitest'

const root = path.resolve('.')
const hasPreCommit = spawnSync('pre-commit', ['--version'], {encoding: 'utf8'}).status === 0

// npm's variables from `npm test` would leak into pre-commit's own npm; git's identity is fixed.
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && !/^GIT_/.test(key)))
Object.assign(env, {GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org', NO_COLOR: '1'})

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> & {output2: string} {
  const result = spawnSync(command, args, {cwd, env, encoding: 'utf8', timeout: 240_000})
  return Object.assign(result, {output2: `${result.stdout}${result.stderr}`})
}

const hooksConfig = (rev: string, id: string) => `repos:\n  - repo: ${root}\n    rev: ${rev}\n    hooks:\n      - id: ${id}\n`

if (!hasPreCommit && process.env.CI) {
  describe('pre-commit', () => {
    it('is installed in CI (.ci/run installs the Debian package pre-commit)', () => {
      expect.fail('pre-commit is not on PATH: CI must install it (apt-get install -y pre-commit)')
    })
  })
}

describe.skipIf(!hasPreCommit)(hasPreCommit ? 'pre-commit hooks' : 'pre-commit hooks (skipped: pre-commit is not on PATH; apt-get install pre-commit to run them)', () => {
  it(
    'refuses a flawed statement with the findings, passes a clean one, and the fix hook mends one',
    () => {
      const rev = run('git', ['rev-parse', 'HEAD'], root).stdout.trim()
      expect(rev, 'this checkout must be a git repository with a commit').toMatch(/^[0-9a-f]{40}$/)
      expect(run('git', ['cat-file', '-e', `${rev}:.pre-commit-hooks.yaml`], root).status, 'commit .pre-commit-hooks.yaml first').toBe(0)

      // Every rule known at that commit off but repeated-word, as an error: stable whatever rules land.
      const registry = run('git', ['show', `${rev}:rules/index.ts`], root).stdout
      const ids = [...registry.matchAll(/from '\.\/([a-z-]+)\.ts'/g)].map((m) => m[1])
      expect(ids).toContain('repeated-word')
      const rules = {...Object.fromEntries(ids.map((id) => [id, 'off'])), 'repeated-word': 'error'}

      const repo = mkdtempSync(path.join(tmpdir(), 'soplint-precommit-'))
      // pre-commit's environment for the hook is some 50 MB: do not leave it behind.
      onTestFinished(() => rmSync(repo, {recursive: true, force: true}))
      env.PRE_COMMIT_HOME = path.join(repo, '.cache-pre-commit')
      expect(run('git', ['init', '-q'], repo).status).toBe(0)
      writeFileSync(path.join(repo, '.gitignore'), '.cache-pre-commit/\n')
      writeFileSync(path.join(repo, '.soplintrc.json'), JSON.stringify({rules}, null, 2) + '\n')
      writeFileSync(path.join(repo, '.pre-commit-config.yaml'), hooksConfig(rev, 'soplint'))
      const install = run('pre-commit', ['install', '--install-hooks'], repo)
      expect(install.status, install.output2).toBe(0)

      writeFileSync(path.join(repo, 'statement.md'), 'I want to study the the ecology of soil microbes.\n')
      run('git', ['add', '.'], repo)
      const refused = run('git', ['commit', '-m', 'Draft'], repo)
      expect(refused.status, refused.output2).not.toBe(0)
      expect(refused.output2).toMatch(/soplint\.+Failed/)
      expect(refused.output2).toMatch(/statement\.md/)
      expect(refused.output2).toMatch(/1:17\s+error\s+`the the` repeats a word; write `the`\s+repeated-word/)
      expect(run('git', ['rev-parse', '--verify', '-q', 'HEAD'], repo).status, 'nothing was committed').not.toBe(0)

      // Clean statement; a CSV with the same flaw is not a statement, so the hook never sees it.
      writeFileSync(path.join(repo, 'statement.md'), 'I want to study the ecology of soil microbes.\n')
      writeFileSync(path.join(repo, 'notes.csv'), 'word,count\nthe the,2\n')
      run('git', ['add', '.'], repo)
      const passed = run('git', ['commit', '-m', 'Draft'], repo)
      expect(passed.status, passed.output2).toBe(0)
      expect(passed.output2).toMatch(/soplint\.+Passed/)

      // The fix hook: the commit stops because the file changed; the mended file then commits.
      writeFileSync(path.join(repo, '.pre-commit-config.yaml'), hooksConfig(rev, 'soplint-fix'))
      writeFileSync(path.join(repo, 'cover.md'), 'We wrote a a parser for the survey data.\r\n')
      run('git', ['add', '.'], repo)
      const fixed = run('git', ['commit', '-m', 'Cover letter'], repo)
      expect(fixed.status, fixed.output2).not.toBe(0)
      expect(fixed.output2).toMatch(/files were modified by this hook/)
      expect(readFileSync(path.join(repo, 'cover.md'), 'utf8')).toBe('We wrote a parser for the survey data.\r\n')
      run('git', ['add', '.'], repo)
      const after = run('git', ['commit', '-m', 'Cover letter'], repo)
      expect(after.status, after.output2).toBe(0)
    },
    240_000
  )
})
