// What `soplint [paths]` does: gather inputs, find configuration, lint (or fix), format, decide
// the exit code. Input problems print one line each and make the exit code 2; the other files
// are still linted.
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {findConfig, readConfigFile, type FoundConfig} from '../node/config.ts'
import {InputError, isInputError} from '../core/errors.ts'
import {formatters, type FileResult} from '../formatters/index.ts'
import {jsonChunks} from '../formatters/json.ts'
import {canFix, formatOf, inputFormats, kindFromName, kinds, latexError, lint, mergeConfig, parseYaml, presets, ruleMeta, ruleSetting, validateConfig, didYouMean, type Config, type InputFormat, type LintResult} from '../index.ts'
import {lineOf, splitMessages, type Assembled} from '../core/formats/include.ts'
import type {Root as MdastRoot} from 'mdast'
import {checkExtension, decode, expandPaths, maxDocxBytes, readBytes, readLatexDocument, readStatement, readWordDocument} from '../node/files.ts'
import {checkAnnotate, writeAnnotated} from './annotate.ts'
import {fixInput, fixPlan} from './fix.ts'
import {openPool, type Pool} from './pool.ts'
import type {CliOptions} from './options.ts'
import {progressLine, wantsProgress} from './progress.ts'

type IO = {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; stdin: NodeJS.ReadableStream}

interface Input {
  /** Absolute path, or the --stdin-filename, or `<text>`. */
  filePath: string
  shown: string
  text: string
  format: InputFormat
  /** Read from standard input. */
  stdin?: boolean
  /** A Word document's tree; `text` is its extracted text, one paragraph per line. */
  mdast?: MdastRoot
  /** A .tex file with the files it \input spliced in; `text` is the whole. */
  parts?: Assembled
}

/** Lint the given paths and print the report; resolves to the exit code. */
export async function run(paths: string[], options: CliOptions, io: IO): Promise<number> {
  foundIn.clear()
  const cwd = process.cwd()
  let failed = false
  const problem = (line: string) => {
    io.stderr.write(`soplint: ${line}\n`)
    failed = true
  }
  const formatter = formatters[options.format]
  if (!formatter) throw new InputError(`--format: unknown format "${options.format}"${didYouMean(options.format, Object.keys(formatters))} (formats: ${Object.keys(formatters).join(', ')})`)
  if (options.preset && !kinds.includes(options.preset as never)) throw new InputError(`--preset: unknown kind "${options.preset}"${didYouMean(options.preset, kinds)} (kinds: ${kinds.join(', ')})`)
  if (options.formatIn && !inputFormats.includes(options.formatIn as InputFormat)) throw new InputError(`--format-in: unknown input format "${options.formatIn}"${didYouMean(options.formatIn, inputFormats)} (formats: ${inputFormats.join(', ')})`)
  const plan = fixPlan(options)
  const cliConfig = configFromFlags(options)
  const explicit = options.config ? await readConfigFile(options.config) : undefined
  if (explicit) validateConfig(explicit.config, explicit.filepath ?? options.config!)

  if (options.printConfig) {
    const file = path.resolve(options.printConfig)
    const found = await configFor(file, options, explicit)
    io.stdout.write(JSON.stringify(await printable(file, options, found, cliConfig), null, 2) + '\n')
    return 0
  }

  const inputs: Input[] = []
  const wantsStdin = options.stdin || paths.includes('-')
  if (paths.length === 0 && !wantsStdin) throw new InputError('no files given (usage: soplint [options] <paths...>, or - for standard input; soplint --help)')
  if (wantsStdin) {
    const shown = options.stdinFilename ?? '<text>'
    try {
      const bytes = await readAll(io.stdin)
      const format = (options.formatIn as InputFormat) ?? (options.stdinFilename ? formatOf(options.stdinFilename) : 'md')
      const name = shown === '<text>' ? 'standard input' : shown
      const word = format === 'docx' ? await readWordDocument(bytes, name) : undefined
      const text = word ? word.text : decode(bytes, name)
      const filePath = options.stdinFilename ? path.resolve(options.stdinFilename) : '<text>'
      inputs.push({filePath, shown, text, format, stdin: true, mdast: word?.mdast})
    } catch (error) {
      if (!isInputError(error)) throw error
      problem(error.message)
    }
  }
  const {files, errors} = await expandPaths(paths.filter((p) => p !== '-'), cwd)
  for (const error of errors) problem(error)
  // Read several files at a time (each read waits on the disk, not the CPU), then take them in
  // order, so inputs and error lines keep the order of the files.
  const read = await inOrder(files, 16, async (file): Promise<Input | InputError> => {
    const shown = path.relative(cwd, file) || file
    try {
      if (!options.formatIn) checkExtension(file, shown)
      const format = (options.formatIn as InputFormat) ?? formatOf(file)
      if (format === 'docx') {
        const word = await readWordDocument(await readBytes(file, shown, maxDocxBytes), shown)
        return {filePath: file, shown, text: word.text, format, mdast: word.mdast}
      }
      return {filePath: file, shown, text: await readStatement(file, shown), format}
    } catch (error) {
      if (!isInputError(error)) throw error
      return error
    }
  })
  for (const entry of read) {
    if (isInputError(entry)) problem(entry.message)
    else inputs.push(entry)
  }

  if (options.annotate) checkAnnotate(inputs, options.outputFile)

  // A .tex file and the files it \input are one document. --fix writes each file on its own,
  // so it lints each on its own too.
  if (!plan) inputs.splice(0, inputs.length, ...(await assembleLatex(inputs, cwd, problem, (line) => io.stderr.write(`soplint: warning: ${line}\n`))))

  const targets = inputs.map((input) => quickTarget(input.text))
  const results: FileResult[] = []
  const lintInput = async (input: Input, index: number, pool?: Pool): Promise<LintResult> => {
    const found = await configFor(input.filePath === '<text>' ? path.join(cwd, 'stdin.md') : input.filePath, options, explicit)
    // Flags are this run's explicit choice: they beat the front matter, which beats the config file.
    const overrides: Config = {...cliConfig}
    const own = cliConfig.target ?? targets[index] ?? found.config.target
    const others = [...new Set(targets.filter((t, i) => i !== index && t && t !== own) as string[])]
    if (others.length) overrides.otherTargets = others
    const stats = Boolean(options.stats) || options.format === 'html' || options.format === 'stats'
    const lintOptions = {filePath: input.filePath === '<text>' ? undefined : input.filePath, format: input.format, config: found.config, configSource: found.filepath ?? 'configuration', overrides, overridesSource: 'command line', mdast: input.mdast, stats}
    // A Word document is never written: --fix says so and lists its findings.
    if (plan && !canFix(input.format)) io.stderr.write(`soplint: ${input.shown}: --fix does not write Word documents; make the changes listed below in Word\n`)
    // With --fix or --fix-dry-run the report is of what is left after fixing, as in ESLint.
    else if (plan) return (await fixInput({...input, stdin: Boolean(input.stdin)}, plan, lintOptions, io.stdout)).result
    return pool ? pool.lint(input.text, lintOptions) : lint(input.text, lintOptions)
  }
  // A large batch goes to worker threads all at once (src/cli/pool.ts); the results are still
  // taken in input order, so the report and the error lines are those of one thread.
  // Fixing stays on this thread, in input order: diffs and fixed text print in that order.
  const pool = plan ? undefined : openPool(inputs, lint)
  const started = pool && inputs.map((input, index) => {
    const promise = lintInput(input, index, pool)
    promise.catch(() => {}) // handled below, in order
    return promise
  })
  const progress = wantsProgress(io.stderr, options.format, inputs.length, process.env) ? progressLine(io.stderr, inputs.length) : undefined
  let findings = 0
  for (const [index, input] of inputs.entries()) {
    try {
      const result = await (started ? started[index] : lintInput(input, index))
      results.push(...(input.parts ? splitResult(input, input.parts, result, options.quiet, cwd) : [toFileResult(input, result, options.quiet)]))
      findings += result.messages.length
      progress?.update(index + 1, findings)
    } catch (error) {
      if (!isInputError(error)) {
        void pool?.close()
        throw error
      }
      // Malformed LaTeX in an assembled document: name the file it is in, and its line there.
      const inPart = input.parts && (await locateLatexProblem(input.parts, cwd))
      problem(inPart ?? (error.message.startsWith(input.shown) || error.message.startsWith('/') ? error.message : `${input.shown}: ${error.message}`))
    }
  }
  void pool?.close()
  progress?.done()

  // An explicit --color or --no-color wins over NO_COLOR, which wins over terminal detection.
  // When standard output carries a diff (--fix-dry-run) or fixed text (--fix on stdin), the report goes to stderr.
  const report = plan && (plan.mode === 'dry-run' || inputs.some((input) => input.stdin)) ? io.stderr : io.stdout
  const color = options.color ?? (!process.env.NO_COLOR && !(options.outputFile && !options.annotate) && Boolean((report as NodeJS.WriteStream).isTTY))
  const rulesMeta = Object.fromEntries(ruleMeta.map((m) => [m.id, {description: m.description, url: m.url, rationale: m.rationale, example: m.example}]))
  // JSON to a stream is written in pieces as it is made (a long document's report is large).
  const streamJson = options.format === 'json' && !options.outputFile
  if (streamJson) {
    for (const chunk of [...jsonChunks(results), '\n']) {
      // A reader that went away (`| head`) ends the report: stop writing.
      if ((report as {destroyed?: boolean}).destroyed) break
      if (!report.write(chunk)) await drained(report)
    }
  }
  const output = streamJson ? '' : formatter(results, {cwd, color, rulesMeta})
  // With --annotate, -o names the annotated copy; the report goes to standard output.
  if (options.outputFile && !options.annotate) {
    await writeFile(options.outputFile, output).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`--output-file ${options.outputFile}: cannot write the report (${error.code ?? error.message})`)
    })
  } else if (output) report.write(output.endsWith('\n') || options.format === 'json' ? output + (options.format === 'json' ? '\n' : '') : output + '\n')

  if (options.annotate) {
    try {
      for (const line of await writeAnnotated(inputs, results, options.outputFile, cwd)) io.stderr.write(`soplint: ${line}\n`)
    } catch (error) {
      if (!isInputError(error)) throw error
      problem(error.message)
    }
  }

  if (failed) return 2
  const errorCount = results.reduce((n, r) => n + r.errorCount, 0)
  const warningCount = results.reduce((n, r) => n + r.warningCount, 0)
  if (errorCount > 0) return 1
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    io.stderr.write(`soplint: too many warnings (${warningCount}); the maximum is ${options.maxWarnings}\n`)
    return 1
  }
  return 0
}

/** `soplint rules`: every rule with its level for a kind of statement. */
/** Until a stream that asked to wait can take more, or has closed. */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
  })
}

export async function listRules(preset: string | undefined, io: IO): Promise<number> {
  const kind = preset ?? 'sop'
  if (!kinds.includes(kind as never)) throw new InputError(`--preset: unknown kind "${kind}"${didYouMean(kind, kinds)} (kinds: ${kinds.join(', ')})`)
  const width = Math.max(...ruleMeta.map((m) => m.id.length))
  const lines = ruleMeta.map((m) => {
    const {level} = ruleSetting(m, {}, kind as never)
    const fix = m.fix === 'auto' ? ' (fixable)' : ''
    return `${m.id.padEnd(width)}  ${level.padEnd(5)}  ${m.description}${fix}`
  })
  const range = presets[kind as keyof typeof presets]
  io.stdout.write(`Rules for a ${kind} (${range.description}; ${range.minWords.toLocaleString('en-US')} to ${range.maxWords.toLocaleString('en-US')} words):\n\n${lines.join('\n')}\n`)
  return 0
}

// The configuration found for each folder in this run. Every file of a folder gets the same one,
// and a batch of a thousand statements searched the same folders a thousand times, all of it on
// the main thread while the workers waited for their next file.
const foundIn = new Map<string, Promise<FoundConfig>>()

async function configFor(file: string, options: CliOptions, explicit: FoundConfig | undefined): Promise<FoundConfig> {
  if (explicit) return explicit
  if (!options.configLookup) return {config: {}}
  const folder = path.dirname(path.resolve(file))
  let found = foundIn.get(folder)
  if (!found) foundIn.set(folder, (found = findConfig(file)))
  return found
}

function configFromFlags(options: CliOptions): Config {
  const config: Config = {}
  if (options.preset) config.preset = options.preset as Config['preset']
  if (options.target) config.target = options.target
  if (options.rule.length) {
    config.rules = {}
    for (const entry of options.rule) {
      const match = /^([^=]+)=(.+)$/.exec(entry)
      if (!match) throw new InputError(`--rule ${entry}: expected id=level, e.g. hedge=off`)
      let value: unknown = match[2].trim()
      if (/^[[{]/.test(String(value))) {
        try {
          value = JSON.parse(String(value))
        } catch {
          throw new InputError(`--rule ${entry}: the value is not valid JSON`)
        }
      }
      config.rules[match[1].trim()] = value as never
    }
    validateConfig({rules: config.rules}, '--rule')
  }
  return config
}

/**
 * What linting `file` will use: the configuration merged with the flags, and the settings as lint()
 * resolves them, front matter and a kind read from the text included. A file that does not exist
 * (or cannot be read) is resolved from its name alone, as ESLint's --print-config does.
 */
async function printable(file: string, options: CliOptions, found: FoundConfig, cliConfig: Config) {
  const config = mergeConfig(found.config, cliConfig)
  const format = (options.formatIn as InputFormat) ?? formatOf(file)
  let text = ''
  let mdast: MdastRoot | undefined
  try {
    if (format === 'docx') ({text, mdast} = await readWordDocument(await readBytes(file, file, maxDocxBytes), file))
    else text = await readStatement(file, file)
  } catch (error) {
    if (!isInputError(error)) throw error
  }
  const {settings} = await lint(text, {filePath: file, format, config: found.config, configSource: found.filepath ?? 'configuration', overrides: cliConfig, overridesSource: 'command line', mdast})
  const rules = Object.fromEntries(ruleMeta.map((m) => [m.id, config.rules?.[m.id] ?? ruleSetting(m, {}, settings.kind).level]))
  const {otherTargets: _others, ...shown} = config
  return {configFile: found.filepath ?? null, ...shown, preset: settings.kind, ...settings, rules}
}

// Splice into each .tex input the files it \input or \include; an input that another one
// includes is dropped, as it is linted as part of that document (and reported in its own name).
async function assembleLatex(inputs: Input[], cwd: string, problem: (line: string) => void, warn: (line: string) => void): Promise<Input[]> {
  const show = (file: string) => path.relative(cwd, file) || file
  const included = new Set<string>()
  for (const input of inputs) {
    if (input.format !== 'tex' || input.filePath === '<text>' || !/\\(?:input|include)(?![a-zA-Z@])/.test(input.text)) continue
    const parts = await readLatexDocument(input.filePath, input.text, show)
    for (const p of parts.problems) {
      const line = `${show(p.file)}:${lineOf(parts.files.get(p.file) ?? '', p.offset)}: ${p.reason}`
      // A missing include (often generated: a .bbl, a per-school file) is a note, not a failure:
      // the rest of the statement is still worth linting and the run's verdict should rest on it.
      if (/: no such file \(/.test(p.reason)) warn(`${line}; linted without it`)
      else problem(line)
    }
    if (parts.files.size < 2) continue
    input.parts = parts
    input.text = parts.text
    for (const file of parts.files.keys()) if (file !== input.filePath) included.add(file)
  }
  return inputs.filter((input) => input.parts || !included.has(input.filePath))
}

// One result per file of an assembled LaTeX document; the main file's carries the statistics.
function splitResult(input: Input, parts: Assembled, result: LintResult, quiet: boolean | undefined, cwd: string): FileResult[] {
  const byFile = splitMessages(result.messages, parts)
  return [...parts.files].map(([file, text], index) => {
    const own = toFileResult({...input, filePath: file, shown: path.relative(cwd, file) || file, text}, {...result, filePath: file, messages: byFile.get(file) ?? []}, quiet)
    if (index > 0) {
      delete own.stats
      delete own.score
      delete own.deductions
      delete own.settings
    }
    return own
  })
}

async function locateLatexProblem(parts: Assembled, cwd: string): Promise<string | undefined> {
  for (const [file, text] of parts.files) {
    const error = await latexError(text)
    if (error) return `${path.relative(cwd, file) || file}: ${error}`
  }
  return undefined
}

function toFileResult(input: Input, result: LintResult, quiet?: boolean): FileResult {
  const messages = quiet ? result.messages.filter((m) => m.level === 'error') : result.messages
  const count = (level: string, fixable?: boolean) => messages.filter((m) => m.level === level && (!fixable || m.fixable)).length
  return {
    filePath: input.filePath,
    messages,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    fixableErrorCount: count('error', true),
    fixableWarningCount: count('warning', true),
    stats: result.stats,
    ...(result.score !== undefined ? {score: result.score, deductions: result.deductions} : {}),
    settings: result.settings,
    source: input.text
  }
}

// The target named in a file's front matter, read cheaply so every file in a run knows the others'.
function quickTarget(text: string): string | undefined {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)
  if (!match) return undefined
  try {
    const data = parseYaml(match[1]) as {target?: unknown}
    return typeof data?.target === 'string' ? data.target : undefined
  } catch {
    return undefined
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks)
}

/** `task` on every item, at most `limit` at once; the results in the items' order. */
async function inOrder<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index])
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, lane))
  return results
}
