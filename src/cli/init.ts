// `soplint init`: a configuration for the kind of statement, its target and its word limit
// (asked for in a terminal, taken from flags otherwise), a `.soplintaccept`, and with
// --pre-commit or --github the hook entry or the workflow. Nothing that exists is replaced
// without --force; a `.soplintaccept` is never replaced, as it holds the writer's own words.
import {existsSync} from 'node:fs'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {createInterface} from 'node:readline/promises'
import {parseDocument, isMap, isSeq, YAMLMap, YAMLSeq} from 'yaml'
import {InputError} from '../core/errors.ts'
import {didYouMean, kinds, presets, type Kind} from '../index.ts'

/** The flags `soplint init` takes. */
export interface InitOptions {
  kind?: string
  target?: string
  maxWords?: number
  minWords?: number
  preCommit?: boolean
  github?: boolean
  force?: boolean
}

/** What goes into the configuration. */
export interface InitAnswers {
  kind: Kind
  target?: string
  minWords?: number
  maxWords: number
}

type IO = {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; stdin: NodeJS.ReadableStream}

const configNames = ['.soplintrc', '.soplintrc.json', '.soplintrc.yaml', '.soplintrc.yml']
const hookRepo = 'https://github.com/soplint/soplint'
const version = typeof SOPLINT_VERSION === 'string' ? SOPLINT_VERSION : '0.1.0'
declare const SOPLINT_VERSION: string

/** Run `soplint init` in `dir`; resolves to the exit code. Problems throw an InputError (one line). */
export async function init(options: InitOptions, io: IO, dir = process.cwd()): Promise<number> {
  const interactive = Boolean((io.stdin as NodeJS.ReadStream).isTTY && (io.stdout as NodeJS.WriteStream).isTTY)
  const given = checkFlags(options)
  // Refuse before asking anything: the answers would be lost.
  const existing = configNames.filter((name) => existsSync(path.join(dir, name)))
  if (await hasPackageConfig(dir)) existing.unshift('package.json')
  if (existing.length && !options.force) throw new InputError(`init: ${existing[0] === 'package.json' ? 'package.json has a `soplint` configuration' : `${existing[0]} exists`}; edit it, or run soplint init --force to replace it`)
  const workflow = path.join('.github', 'workflows', 'soplint.yml')
  if (options.github && existsSync(path.join(dir, workflow)) && !options.force) throw new InputError(`init: ${workflow} exists; edit it, or run soplint init --github --force to replace it`)

  const answers = interactive ? await ask(given, io) : defaults(given)
  const lines: string[] = []
  const write = async (name: string, content: string) => {
    await mkdir(path.dirname(path.join(dir, name)), {recursive: true})
    await writeFile(path.join(dir, name), content)
    lines.push(`wrote ${name}`)
  }
  // soplint reads the first of package.json (its `soplint` key), .soplintrc, .soplintrc.json, ...
  for (const name of existing) {
    if (name === 'package.json') lines.push('note: the `soplint` key in package.json is read before .soplintrc.json; delete the key')
    else if (name === '.soplintrc') lines.push('note: .soplintrc is read before .soplintrc.json; delete it')
    else if (name !== '.soplintrc.json') lines.push(`note: ${name} is no longer read, as .soplintrc.json comes first; delete it`)
  }
  await write('.soplintrc.json', configText(answers))
  if (existsSync(path.join(dir, '.soplintaccept'))) lines.push('kept .soplintaccept (it exists)')
  else await write('.soplintaccept', acceptText)
  if (options.preCommit) lines.push(await addPreCommit(dir))
  if (options.github) await write(workflow, workflowText)
  io.stdout.write(lines.join('\n') + '\n')
  return 0
}

async function hasPackageConfig(dir: string): Promise<boolean> {
  try {
    return Object.hasOwn(JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) ?? {}, 'soplint')
  } catch {
    return false
  }
}

/** The flags, checked: an unknown kind or a bad word limit is one line. */
export function checkFlags(options: InitOptions): Partial<InitAnswers> {
  const given: Partial<InitAnswers> = {}
  if (options.kind !== undefined) given.kind = parseKind(options.kind, '--kind')
  if (options.target !== undefined && options.target.trim()) given.target = options.target.trim()
  if (options.maxWords !== undefined) given.maxWords = options.maxWords
  if (options.minWords !== undefined) given.minWords = options.minWords
  if (given.maxWords !== undefined && given.maxWords < 1) throw new InputError('--max-words: expected a whole number of at least 1')
  if (given.minWords !== undefined && given.maxWords !== undefined && given.minWords > given.maxWords) throw new InputError(`--min-words ${given.minWords} is more than --max-words ${given.maxWords}`)
  return given
}

function parseKind(value: string, where: string): Kind {
  const kind = value.trim().toLowerCase()
  if (!kinds.includes(kind as Kind)) throw new InputError(`${where}: unknown kind "${value}"${didYouMean(kind, kinds)} (kinds: ${kinds.join(', ')})`)
  return kind as Kind
}

/** The answers when nobody is asked: the flags, the rest from the kind's preset. */
export function defaults(given: Partial<InitAnswers>): InitAnswers {
  const kind = given.kind ?? 'sop'
  return {kind, target: given.target, minWords: given.minWords, maxWords: given.maxWords ?? presets[kind].maxWords}
}

/**
 * Ask in the terminal for what the flags did not give. Each question shows its default, taken
 * on Enter; an answer that is not valid is asked again, saying why.
 */
export async function ask(given: Partial<InitAnswers>, io: IO): Promise<InitAnswers> {
  const rl = createInterface({input: io.stdin, output: io.stdout, terminal: true})
  try {
    const question = async <T>(prompt: string, parse: (answer: string) => T): Promise<T> => {
      for (;;) {
        const answer = (await rl.question(prompt)).trim()
        try {
          return parse(answer)
        } catch (error) {
          io.stdout.write(`  ${(error as Error).message}\n`)
        }
      }
    }
    const kind =
      given.kind ??
      (await question(`Kind of statement (${kinds.join(', ')}) [sop]: `, (answer) => {
        if (!answer) return 'sop' as Kind
        const byNumber = /^\d+$/.test(answer) ? kinds[Number(answer) - 1] : undefined
        return byNumber ?? parseKind(answer, 'kind')
      }))
    const target = given.target ?? (await question('School or company it is for (Enter for none): ', (answer) => answer || undefined))
    const fallback = presets[kind].maxWords
    const maxWords =
      given.maxWords ??
      (await question(`Word limit [${fallback}]: `, (answer) => {
        if (!answer) return fallback
        const n = Number(answer.replace(/[,_\s]/g, ''))
        if (!Number.isInteger(n) || n < 1) throw new Error(`"${answer}" is not a number of words; type a whole number such as ${fallback}`)
        if (given.minWords !== undefined && n < given.minWords) throw new Error(`the limit is below --min-words ${given.minWords}`)
        return n
      }))
    return {kind, target, minWords: given.minWords, maxWords}
  } finally {
    rl.close()
  }
}

/** The configuration file's text. */
export function configText(answers: InitAnswers): string {
  const config: Record<string, unknown> = {preset: answers.kind}
  if (answers.target) config.target = answers.target
  if (answers.minWords !== undefined) config.minWords = answers.minWords
  config.maxWords = answers.maxWords
  config.rules = {}
  return JSON.stringify(config, null, 2) + '\n'
}

const acceptText = `# Words and phrases soplint should never flag, one per line (names, terms of your field).
# The command line, the pre-commit hook and the editor all read this file.
`

/** Add soplint's hook to .pre-commit-config.yaml (created when missing), keeping what is there. */
async function addPreCommit(dir: string): Promise<string> {
  const name = '.pre-commit-config.yaml'
  const file = path.join(dir, name)
  const entry = {repo: hookRepo, rev: `v${version}`, hooks: [{id: 'soplint'}]}
  if (!existsSync(file)) {
    const doc = parseDocument('repos: []\n')
    ;(doc.get('repos') as YAMLSeq).flow = false
    ;(doc.get('repos') as YAMLSeq).add(doc.createNode(entry))
    await writeFile(file, doc.toString())
    return `wrote ${name}`
  }
  const source = await readFile(file, 'utf8')
  const doc = parseDocument(source)
  if (doc.errors.length) throw new InputError(`init: ${name}: is not valid YAML (${doc.errors[0].message.split('\n')[0]}); add the soplint hook by hand (docs/pre-commit.md)`)
  if (!isMap(doc.contents)) throw new InputError(`init: ${name}: has no \`repos:\` list; add the soplint hook by hand (docs/pre-commit.md)`)
  let repos = doc.get('repos')
  if (repos === undefined) {
    repos = new YAMLSeq()
    ;(doc.contents as YAMLMap).set('repos', repos)
  }
  if (!isSeq(repos)) throw new InputError(`init: ${name}: \`repos\` is not a list; add the soplint hook by hand (docs/pre-commit.md)`)
  const present = repos.items.some((item) => isMap(item) && String(item.get('repo')).replace(/\.git$/, '') === hookRepo)
  if (present) return `kept ${name} (it has the soplint hook)`
  await writeFile(file, appended(source, repos, entry) ?? (repos.add(doc.createNode(entry)), doc.toString()))
  return `added the soplint hook to ${name}`
}

/**
 * The file's text with the entry added as the last item of its block list of repos, in the
 * list's indentation, every other byte as it was; undefined when the list is not laid out so
 * (a flow list), and the file is written out by the YAML library instead.
 */
function appended(source: string, repos: YAMLSeq, entry: {repo: string; rev: string; hooks: Array<{id: string}>}): string | undefined {
  if (repos.flow || !repos.items.length || !repos.range) return undefined
  const first = (repos.items[0] as {range?: [number, number, number]}).range
  if (!first) return undefined
  const lineStart = source.lastIndexOf('\n', first[0] - 1) + 1
  const dash = source.slice(lineStart, first[0]).indexOf('-')
  if (dash < 0 || source.slice(lineStart, lineStart + dash).trim()) return undefined
  let at = repos.range[1]
  if (at > 0 && source[at - 1] !== '\n') {
    const newline = source.indexOf('\n', at)
    at = newline < 0 ? source.length : newline + 1
  }
  const indent = ' '.repeat(dash)
  const block = [`- repo: ${entry.repo}`, `  rev: ${entry.rev}`, '  hooks:', `    - id: ${entry.hooks[0].id}`].map((line) => indent + line).join('\n') + '\n'
  const text = source.slice(0, at) + (at === source.length && source && !source.endsWith('\n') ? '\n' : '') + block + source.slice(at)
  // Keep the edit only if the file now reads as the same list with the entry at its end.
  const check = parseDocument(text)
  const list = check.errors.length ? undefined : check.get('repos')
  const last = isSeq(list) ? list.items[list.items.length - 1] : undefined
  return isSeq(list) && list.items.length === repos.items.length + 1 && isMap(last) && last.get('repo') === entry.repo ? text : undefined
}

const workflowText = `# soplint on every push and pull request: annotations on the statements, and SARIF for code
# scanning. See https://github.com/soplint/soplint/blob/main/docs/ci.md
name: soplint
on: [push, pull_request]

permissions:
  contents: read
  security-events: write

jobs:
  soplint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Lint statements
        uses: soplint/soplint@v${version}
        with:
          files: .
          sarif-file: soplint.sarif
      - name: Upload SARIF
        if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: soplint.sarif
          category: soplint
`
