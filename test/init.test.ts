// `soplint init` through the real CLI: from flags when not in a terminal, by questions in a
// terminal (a pseudo-terminal made by util-linux's `script`), never replacing a file without
// --force, and with --pre-commit / --github the hook entry and the workflow, which the
// pre-commit framework's config and the action's inputs must accept.
import {spawn} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {bin, soplint, workspace} from './helpers.ts'

const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8')

/** Run `soplint init` in a pseudo-terminal, answering each prompt when it appears. */
function inTerminal(dir: string, args: string[], answers: Array<[RegExp, string]>): Promise<{code: number | null; output: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', [process.execPath, bin, 'init', ...args].map((a) => JSON.stringify(a)).join(' '), '/dev/null'], {cwd: dir, env: {...process.env, NO_COLOR: '1', TERM: 'dumb'}})
    let output = ''
    let next = 0
    let seen = 0
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`no prompt matched ${answers[next]?.[0]} in:\n${output}`))
    }, 20_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      // Answer a prompt once it shows in the output after the previous answer.
      while (next < answers.length) {
        const match = answers[next][0].exec(output.slice(seen))
        if (!match) break
        seen += match.index + match[0].length
        child.stdin.write(answers[next][1] + '\r')
        next++
      }
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, output: output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '')})
    })
  })
}

describe('soplint init', () => {
  it('takes the kind, target and word limit from flags when not in a terminal', () => {
    const dir = workspace({})
    const r = soplint(['init', '--kind', 'cover-letter', '--target', 'Acme Robotics', '--max-words', '450'], {cwd: dir})
    expect(r).toEqual({code: 0, stdout: 'wrote .soplintrc.json\nwrote .soplintaccept\n', stderr: ''})
    expect(JSON.parse(read(dir, '.soplintrc.json'))).toEqual({preset: 'cover-letter', target: 'Acme Robotics', maxWords: 450, rules: {}})
    expect(read(dir, '.soplintaccept')).toMatch(/^# Words and phrases soplint should never flag/)
    // The configuration is the one soplint then uses.
    const config = JSON.parse(soplint(['--print-config', 'letter.md'], {cwd: dir}).stdout)
    expect(config).toMatchObject({configFile: path.join(dir, '.soplintrc.json'), preset: 'cover-letter', target: 'Acme Robotics', maxWords: 450})
    // With no flags: a statement of purpose, the preset's limit.
    const plain = workspace({})
    expect(soplint(['init'], {cwd: plain}).code).toBe(0)
    expect(JSON.parse(read(plain, '.soplintrc.json'))).toEqual({preset: 'sop', maxWords: 1000, rules: {}})
  })

  it('asks in a terminal, again after an answer it cannot use', async () => {
    const dir = workspace({})
    const r = await inTerminal(dir, [], [
      [/Kind of statement \(sop, personal-statement, research-statement, cover-letter\) \[sop\]: /, 'reserch-statement'],
      [/Kind of statement .*?: /, '3'],
      [/School or company it is for \(Enter for none\): /, 'ETH Zurich'],
      [/Word limit \[2000\]: /, 'many'],
      [/Word limit \[2000\]: /, '1,500']
    ])
    expect(r.output).toContain('kind: unknown kind "reserch-statement" (did you mean "research-statement"?)')
    expect(r.output).toContain('"many" is not a number of words; type a whole number such as 2000')
    expect(r.output).toContain('wrote .soplintrc.json\nwrote .soplintaccept\n')
    expect(r.code).toBe(0)
    expect(JSON.parse(read(dir, '.soplintrc.json'))).toEqual({preset: 'research-statement', target: 'ETH Zurich', maxWords: 1500, rules: {}})
  }, 30_000)

  it('takes Enter as the default, and asks only what the flags leave out', async () => {
    const dir = workspace({})
    const r = await inTerminal(dir, ['--max-words', '900'], [
      [/Kind of statement .*?: /, ''],
      [/School or company it is for \(Enter for none\): /, '']
    ])
    expect(r.code).toBe(0)
    expect(r.output).not.toContain('Word limit')
    expect(JSON.parse(read(dir, '.soplintrc.json'))).toEqual({preset: 'sop', maxWords: 900, rules: {}})
  }, 30_000)

  it('never replaces a file without --force, and never replaces .soplintaccept', () => {
    const dir = workspace({'.soplintrc.yaml': 'preset: sop\n', '.soplintaccept': 'Kyoto\n'})
    const r = soplint(['init', '--kind', 'sop'], {cwd: dir})
    expect(r).toEqual({code: 2, stdout: '', stderr: 'soplint: init: .soplintrc.yaml exists; edit it, or run soplint init --force to replace it\n'})
    expect(existsSync(path.join(dir, '.soplintrc.json'))).toBe(false)
    const forced = soplint(['init', '--force', '--kind', 'sop'], {cwd: dir})
    expect(forced.stdout).toBe('note: .soplintrc.yaml is no longer read, as .soplintrc.json comes first; delete it\nwrote .soplintrc.json\nkept .soplintaccept (it exists)\n')
    expect(JSON.parse(soplint(['--print-config', 'sop.md'], {cwd: dir}).stdout).configFile).toBe(path.join(dir, '.soplintrc.json'))

    // A `soplint` key in package.json is a configuration too, and is read first.
    const inPackage = workspace({'package.json': JSON.stringify({name: 'essays', soplint: {preset: 'sop'}})})
    expect(soplint(['init'], {cwd: inPackage}).stderr).toBe('soplint: init: package.json has a `soplint` configuration; edit it, or run soplint init --force to replace it\n')
    expect(soplint(['init', '--force'], {cwd: inPackage}).stdout).toMatch(/^note: the `soplint` key in package\.json is read before \.soplintrc\.json; delete the key\n/)
    expect(read(dir, '.soplintaccept')).toBe('Kyoto\n')

    const withWorkflow = workspace({'.github/workflows/soplint.yml': 'name: mine\n'})
    const refused = soplint(['init', '--github'], {cwd: withWorkflow})
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe('soplint: init: .github/workflows/soplint.yml exists; edit it, or run soplint init --github --force to replace it\n')
    expect(read(withWorkflow, '.github/workflows/soplint.yml')).toBe('name: mine\n')
    expect(existsSync(path.join(withWorkflow, '.soplintrc.json'))).toBe(false)
  })

  it('refuses bad flags in one line', () => {
    const dir = workspace({})
    expect(soplint(['init', '--kind', 'essay'], {cwd: dir}).stderr).toBe('soplint: --kind: unknown kind "essay" (kinds: sop, personal-statement, research-statement, cover-letter)\n')
    const r = soplint(['init', '--min-words', '900', '--max-words', '500'], {cwd: dir})
    expect(r).toEqual({code: 2, stdout: '', stderr: 'soplint: --min-words 900 is more than --max-words 500\n'})
    expect(existsSync(path.join(dir, '.soplintrc.json'))).toBe(false)
  })

  it('--pre-commit adds the hook to the config, keeping what is there; --github writes the workflow', () => {
    const existing = 'repos:\n  # my hooks\n  - repo: local\n    hooks: [{id: words, name: words, entry: wc -w, language: system}]\n# end of file\n'
    const dir = workspace({'.pre-commit-config.yaml': existing})
    const r = soplint(['init', '--pre-commit', '--github'], {cwd: dir})
    expect(r.stdout).toBe('wrote .soplintrc.json\nwrote .soplintaccept\nadded the soplint hook to .pre-commit-config.yaml\nwrote .github/workflows/soplint.yml\n')
    expect(read(dir, '.pre-commit-config.yaml')).toBe(existing.replace('# end', '  - repo: https://github.com/soplint/soplint\n    rev: v0.1.0\n    hooks:\n      - id: soplint\n# end'))
    // Again: the hook is there already.
    expect(soplint(['init', '--force', '--pre-commit'], {cwd: dir}).stdout).toContain('kept .pre-commit-config.yaml (it has the soplint hook)\n')
    // The hook id is one this repository's .pre-commit-hooks.yaml defines.
    const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as Array<{id: string}>
    expect(hooks.map((h) => h.id)).toContain('soplint')

    // The workflow uses this repository's action with inputs it declares.
    const workflow = parse(read(dir, '.github/workflows/soplint.yml'))
    const action = parse(readFileSync('action.yml', 'utf8'))
    const step = workflow.jobs.soplint.steps.find((s: {uses?: string}) => s.uses?.startsWith('soplint/soplint@'))
    for (const input of Object.keys(step.with)) expect(Object.keys(action.inputs)).toContain(input)
    expect(workflow.jobs.soplint.steps.at(-1).with.sarif_file).toBe(step.with['sarif-file'])

    // A new .pre-commit-config.yaml when there is none.
    const fresh = workspace({})
    soplint(['init', '--pre-commit'], {cwd: fresh})
    expect(parse(read(fresh, '.pre-commit-config.yaml'))).toEqual({repos: [{repo: 'https://github.com/soplint/soplint', rev: 'v0.1.0', hooks: [{id: 'soplint'}]}]})
    writeFileSync(path.join(fresh, '.pre-commit-config.yaml'), 'repos: [oops\n')
    expect(soplint(['init', '--force', '--pre-commit'], {cwd: fresh}).stderr).toMatch(/^soplint: init: \.pre-commit-config\.yaml: is not valid YAML \(.*\); add the soplint hook by hand \(docs\/pre-commit\.md\)\n$/)
  })
})
