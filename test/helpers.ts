// What the CLI suites share: spawning the real bin and laying out a throwaway folder.
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

/** The real command-line entry point (built into dist/ by npm test's pretest). */
export const bin = path.resolve('bin/soplint.js')

/** Run bin/soplint.js as a user would; colour off unless `env` says otherwise, stdin closed unless given. */
export function soplint(args: string[], options: {cwd?: string; input?: string | Buffer; env?: Record<string, string>} = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A new temporary folder holding these files (paths may have folders; a config may be added). */
export function workspace(files: Record<string, string | Buffer>, config?: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'soplint-test-'))
  if (config !== undefined) writeFileSync(path.join(dir, '.soplintrc.json'), JSON.stringify(config))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), content)
  }
  return dir
}
