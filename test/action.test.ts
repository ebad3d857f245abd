// The GitHub Action (action.yml) run as the runner runs a composite action: each `run` step's
// script written to a file and run with `bash --noprofile --norc -e -o pipefail`, in the
// workspace, with the step's `env` (the inputs, through `${{ inputs.* }}`), GITHUB_ACTION_PATH,
// GITHUB_WORKSPACE and GITHUB_OUTPUT set; `uses` steps (setup-node) are the runner's business.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {workspace} from './helpers.ts'

interface Step {
  name: string
  id?: string
  if?: string
  uses?: string
  shell?: string
  run?: string
  env?: Record<string, string>
}
interface Action {
  inputs: Record<string, {default?: string}>
  outputs: Record<string, {value: string}>
  runs: {using: string; steps: Step[]}
}

const actionPath = path.resolve('.')
const action = parse(readFileSync('action.yml', 'utf8')) as Action

/** Replace `${{ inputs.x }}` and `${{ github.workspace }}` as the runner does. */
function expand(value: string, inputs: Record<string, string>, workspaceDir: string): string {
  return value.replace(/\$\{\{\s*(inputs\.([\w-]+)|github\.workspace)\s*\}\}/g, (_, whole: string, input?: string) => (input ? (inputs[input] ?? '') : workspaceDir))
}

/** Run the action's steps on a workspace; stops at the first failing step, as the runner does. */
function runAction(workspaceDir: string, given: Record<string, string>) {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, given[name] ?? spec.default ?? '']))
  const temp = mkdtempSync(path.join(tmpdir(), 'soplint-runner-'))
  const outputFile = path.join(temp, 'output')
  writeFileSync(outputFile, '')
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('INPUT_')) env[key] = value
  Object.assign(env, {CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspaceDir, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: temp, NO_COLOR: '1'})
  let stdout = ''
  let stderr = ''
  let code = 0
  const skipped: string[] = []
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.uses) {
      skipped.push(step.uses)
      continue
    }
    expect(step.shell).toBe('bash')
    const script = path.join(temp, `step-${index}.sh`)
    writeFileSync(script, step.run!)
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), inputs, workspaceDir)]))
    const r = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', script], {cwd: workspaceDir, env: {...env, ...stepEnv, SOPLINT_WORKERS: '0'}, encoding: 'utf8'})
    stdout += r.stdout
    stderr += r.stderr
    code = r.status ?? 1
    if (code !== 0) break
  }
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)))
  return {code, stdout, stderr, outputs, skipped}
}

// Two statements: one with an error (a template slot) and a warning, one with a warning only.
const repository = () =>
  workspace({
    'statements/sop.md': '# Statement of Purpose\n\nI am applying to the [Program Name] because I want to study the the theory of robot planning.\n',
    'statements/letter.md': 'I learned to cope up with pressure when our lab lost its funding and we rebuilt the planner in a month.\n',
    'README.md': 'Not a statement.\n',
    '.soplintrc.json': JSON.stringify({rules: {length: 'off'}})
  })

describe('action.yml', () => {
  it('is a composite action whose scripts take inputs only from the environment', () => {
    expect(action.runs.using).toBe('composite')
    for (const step of action.runs.steps) if (step.run) expect(step.run, step.name).not.toMatch(/\$\{\{/)
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'fail-on', 'files', 'format', 'node-version', 'preset', 'sarif-file'])
  })

  it('annotates the files, writes SARIF that validates, and fails on errors', () => {
    const dir = repository()
    spawnSync('git', ['init', '-q'], {cwd: dir})
    const r = runAction(dir, {files: 'statements/sop.md\nstatements/letter.md', 'sarif-file': 'soplint.sarif'})
    expect(r.skipped).toEqual(['actions/setup-node@v4'])
    expect(r.code).toBe(1)
    expect(r.outputs).toEqual({'sarif-file': 'soplint.sarif', 'exit-code': '1'})
    const annotations = r.stdout.split('\n').filter((line) => line.startsWith('::'))
    expect(annotations).toEqual([
      expect.stringMatching(/^::error file=statements\/sop\.md,line=3,col=22,endLine=3,endColumn=36,title=placeholder::`\[Program Name\]` is a placeholder/),
      expect.stringMatching(/^::warning file=statements\/sop\.md,line=3,col=61,endLine=3,endColumn=68,title=repeated-word::`the the` repeats a word/),
      expect.stringMatching(/^::warning file=statements\/letter\.md,line=1,col=14,endLine=1,endColumn=26,title=grammar-slip::`cope up with`/)
    ])

    const sarif = JSON.parse(readFileSync(path.join(dir, 'soplint.sarif'), 'utf8'))
    const schema = JSON.parse(readFileSync(new URL('./vendor/sarif-schema-2.1.0.json', import.meta.url), 'utf8'))
    const ajv = new Ajv2020({allErrors: true, strict: false})
    const addFormats = ((formats as unknown as {default?: typeof formats}).default ?? formats) as unknown as (ajv: Ajv2020) => void
    addFormats(ajv)
    const validate = ajv.compile(schema)
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    const results = sarif.runs[0].results as Array<{ruleId: string; level: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>
    expect(results.map((x) => `${x.locations[0].physicalLocation.artifactLocation.uri} ${x.ruleId} ${x.level}`)).toEqual(['statements/sop.md placeholder error', 'statements/sop.md repeated-word warning', 'statements/letter.md grammar-slip warning'])
  })

  it('follows fail-on: warnings fail with `warning`, nothing but a broken run fails with `never`', () => {
    const dir = repository()
    expect(runAction(dir, {files: 'statements/letter.md'}).code).toBe(0)
    const strict = runAction(dir, {files: 'statements/letter.md', 'fail-on': 'warning'})
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/^::warning file=statements\/letter\.md,/m)
    const lenient = runAction(dir, {files: 'statements/', 'fail-on': 'never', format: 'compact'})
    expect(lenient.code).toBe(0)
    expect(lenient.outputs['exit-code']).toBe('1')
    expect(lenient.stdout).toMatch(/^statements\/sop\.md:3:22: error /m)
    // A glob, expanded by soplint, and a preset.
    const glob = runAction(dir, {files: 'statements/*.md', preset: 'cover-letter', format: 'json'})
    expect(JSON.parse(glob.stdout.slice(glob.stdout.indexOf('[')))).toHaveLength(2)
    const missing = runAction(dir, {files: 'essays/'})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^soplint: essays\/: /m)
    const bad = runAction(dir, {'fail-on': 'sometimes'})
    expect(bad.code).toBe(2)
    expect(bad.stdout).toContain('::error title=soplint::fail-on must be error, warning or never, not "sometimes"')
  })
})
