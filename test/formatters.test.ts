// The CI output formats through the real bin: compact lines, GitHub workflow commands with their
// escapes, SARIF that validates against the 2.1.0 schema, and -o.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {soplint, workspace as makeWorkspace} from './helpers.ts'
import {escapeData, escapeProperty} from '../src/formatters/github.ts'
import {ruleIds, ruleMeta} from '../src/index.ts'


// repeated-word as an error and two project phrases (a warning, and info whose message holds
// every character the workflow-command escapes care about): nothing here depends on rules
// that are still being tuned.
const config = {
  rules: {...Object.fromEntries(ruleIds.map((id) => [id, 'off'])), 'repeated-word': 'error'},
  phrases: [
    {phrase: 'utilize', message: '100% avoid: `utilize`, say `use`\nplease', replace: 'use', ruleId: 'house-style', level: 'info' as const},
    {phrase: 'cutting-edge', message: 'Say what is new about it', ruleId: 'house-vague', level: 'warn' as const}
  ]
}

const workspace = (files: Record<string, string>) => makeWorkspace(files, config)

// Line 3 holds both findings; the odd file name needs escaping in a workflow-command property.
const statement = 'A cutting-edge line.\n\nWe utilize the the lab.\n'
const odd = 'odd, name: 100%.md'

describe('-f compact', () => {
  it('prints file:line:col: level message [rule], one finding a line', () => {
    const dir = workspace({'a.md': statement})
    const r = soplint(['-f', 'compact', 'a.md'], {cwd: dir})
    expect(r.code).toBe(1)
    expect(r.stdout.split('\n')).toEqual([
      'a.md:1:3: warning Say what is new about it [house-vague]',
      'a.md:3:4: info 100% avoid: `utilize`, say `use` please [house-style]',
      'a.md:3:12: error `the the` repeats a word; write `the` [repeated-word]',
      ''
    ])
  })
})

describe('-f github', () => {
  it('prints workflow commands: errors, warnings and info as notices, with escaped properties and messages', () => {
    const dir = workspace({[odd]: statement})
    const r = soplint(['-f', 'github', odd], {cwd: dir})
    expect(r.code).toBe(1)
    const file = 'odd%2C name%3A 100%25.md'
    expect(r.stdout.split('\n')).toEqual([
      `::warning file=${file},line=1,col=3,endLine=1,endColumn=15,title=house-vague::Say what is new about it`,
      `::notice file=${file},line=3,col=4,endLine=3,endColumn=11,title=house-style::100%25 avoid: \`utilize\`, say \`use\`%0Aplease`,
      `::error file=${file},line=3,col=12,endLine=3,endColumn=19,title=repeated-word::\`the the\` repeats a word; write \`the\``,
      ''
    ])
  })

  it('leaves out file= for standard input without a file name', () => {
    const dir = workspace({})
    const r = soplint(['-f', 'github', '-'], {cwd: dir, input: 'We ran the the tests.\n'})
    expect(r.stdout).toMatch(/^::error line=1,col=8,endLine=1,endColumn=15,title=repeated-word::/m)
  })

  it('escapes as the runner expects', () => {
    expect(escapeData('50%\r\nof a, b: c')).toBe('50%25%0D%0Aof a, b: c')
    expect(escapeProperty('50%\r\nof a, b: c')).toBe('50%25%0D%0Aof a%2C b%3A c')
  })
})

describe('-f sarif', () => {
  const schema = JSON.parse(readFileSync(new URL('./vendor/sarif-schema-2.1.0.json', import.meta.url), 'utf8'))
  const ajv = new Ajv2020({allErrors: true, strict: false})
  // ajv-formats is CommonJS: its plugin is the module itself, or its default under some loaders.
  const addFormats = ((formats as unknown as {default?: typeof formats}).default ?? formats) as unknown as (ajv: Ajv2020) => void
  addFormats(ajv)
  const validate = ajv.compile(schema)

  it('validates against the SARIF 2.1.0 schema and carries rules, levels, regions and fixes', () => {
    const dir = workspace({'a.md': statement, [odd]: 'We ran the the tests.\n'})
    const r = soplint(['-f', 'sarif', 'a.md', odd], {cwd: dir})
    expect(r.code).toBe(1)
    const log = JSON.parse(r.stdout)
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
    const [run] = log.runs
    expect(run.tool.driver.name).toBe('soplint')
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/)
    const rules = run.tool.driver.rules as Array<{id: string; helpUri?: string; help?: {text: string}}>
    expect(rules.map((rule) => rule.id)).toEqual(['house-style', 'house-vague', 'repeated-word'])
    expect(rules[0]).toEqual({id: 'house-style'})
    const meta = ruleMeta.find((m) => m.id === 'repeated-word')!
    expect(rules[2]).toMatchObject({shortDescription: {text: meta.description}, helpUri: meta.url})
    expect(rules[2].help!.text).toContain(meta.rationale)

    const results = run.results as Array<Record<string, any>>
    expect(results.map((x) => [x.ruleId, x.level])).toEqual([
      ['house-vague', 'warning'],
      ['house-style', 'note'],
      ['repeated-word', 'error'],
      ['repeated-word', 'error']
    ])
    for (const x of results) expect(rules[x.ruleIndex].id).toBe(x.ruleId)
    const repeated = results[2]
    expect(repeated.locations[0].physicalLocation).toEqual({
      artifactLocation: {uri: 'a.md', uriBaseId: '%SRCROOT%'},
      region: {startLine: 3, startColumn: 12, endLine: 3, endColumn: 19}
    })
    expect(repeated.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('the')
    expect(results[3].locations[0].physicalLocation.artifactLocation.uri).toBe('odd%2C%20name%3A%20100%25.md')
  })

  it('validates with standard input and with no findings', () => {
    const dir = workspace({})
    const stdin = soplint(['-f', 'sarif', '-'], {cwd: dir, input: 'We ran the the tests.\n'})
    const log = JSON.parse(stdin.stdout)
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('%3Ctext%3E')
    const clean = soplint(['-f', 'sarif', '-'], {cwd: dir, input: 'We ran the tests.\n'})
    expect(clean.code).toBe(0)
    const empty = JSON.parse(clean.stdout)
    expect(validate(empty), JSON.stringify(validate.errors, null, 2)).toBe(true)
    expect(empty.runs[0].results).toEqual([])
  })

  it('catches an invalid log (the schema check can fail)', () => {
    expect(validate({version: '2.1.0', runs: [{tool: {driver: {name: 'soplint'}}, results: [{message: {text: 'x'}, level: 'warn'}]}]})).toBe(false)
  })
})

describe('-o, --output-file', () => {
  it('writes the report to the file and nothing to stdout', () => {
    const dir = workspace({'a.md': statement})
    const r = soplint(['-f', 'compact', '-o', 'report.txt', 'a.md'], {cwd: dir})
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(readFileSync(path.join(dir, 'report.txt'), 'utf8')).toMatch(/^a\.md:3:12: error `the the` repeats a word/m)
  })

  it('says so in one line when the file cannot be written', () => {
    const dir = workspace({'a.md': statement})
    const r = soplint(['-o', 'no/such/dir/report.txt', 'a.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('soplint: --output-file no/such/dir/report.txt: cannot write the report (ENOENT)\n')
  })
})
