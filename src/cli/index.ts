// The command-line front end: options -> lint/fix -> formatter -> exit code. It only translates;
// the linting itself is the core's, loaded on first use so `--version` and `--help` stay fast.
import {Command, CommanderError, InvalidArgumentError, Option} from 'commander'
import {isInputError} from '../core/errors.ts'
import type {CliOptions} from './options.ts'

/** The package version, set by the build. */
declare const SOPLINT_VERSION: string
const version = typeof SOPLINT_VERSION === 'string' ? SOPLINT_VERSION : '0.0.0-dev'

/** Run the CLI with `argv` (as process.argv); resolves to the exit code. */
export async function main(argv: string[], io: {stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; stdin: NodeJS.ReadableStream} = process): Promise<number> {
  const program = new Command()
  let code = 0
  const fail = (line: string) => {
    io.stderr.write(`soplint: ${line}\n`)
    code = 2
  }
  program
    .name('soplint')
    // Options after a subcommand are the subcommand's: `soplint rules --preset cover-letter`.
    .enablePositionalOptions()
    .description('Lint statements of purpose, personal statements, research statements and cover letters.')
    .version(version, '-v, --version')
    .argument('[paths...]', 'files, directories or globs to lint; - for standard input')
    .addOption(new Option('-f, --format <name>', 'output format').default('stylish'))
    .option('-o, --output-file <file>', 'write the report to a file (with --annotate: the annotated copy)')
    .option('--preset <kind>', 'kind of statement: sop, personal-statement, research-statement, cover-letter')
    .option('-c, --config <file>', 'use this configuration file (no lookup)')
    .option('--no-config-lookup', 'do not look for configuration files')
    .option('--rule <id=level>', 'set a rule level, e.g. hedge=off (repeatable)', collect, [])
    .option('--target <name>', 'the school or company this statement is for')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', integer)
    .option('--quiet', 'report errors only')
    .option('--print-config <file>', 'print the configuration that applies to a file')
    .option('--stdin', 'lint standard input')
    .option('--stdin-filename <name>', 'the file name to report (and to find config) for standard input')
    .option('--format-in <format>', 'input format: md, txt, tex or docx (default: by extension)')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .option('--fix', 'apply safe fixes and write the files')
    .option('--fix-dry-run', 'print the fixes as a unified diff; write nothing')
    .option('--fix-type <types>', 'comma-separated kinds of fix to apply (problem, suggestion, layout)', commaList)
    .option('--fix-rule <ids>', 'comma-separated rule ids that may fix', commaList)
    .option('--stats', 'add statistics and a score to the report')
    .option('--annotate', 'write a copy of each Word document with the findings as comments (name.soplint.docx)')
    .showHelpAfterError('(run soplint --help for usage)')
    .exitOverride()
    .configureOutput({writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s)})
    .action(async (paths: string[], options: CliOptions) => {
      const {run} = await import('./run.ts')
      code = await run(paths, options, io)
    })

  program
    .command('rules')
    .description('list every rule with its default level and description')
    .option('--preset <kind>', 'show levels for this kind of statement')
    .action(async (options: {preset?: string}) => {
      const {listRules} = await import('./run.ts')
      code = await listRules(options.preset ?? (program.opts() as CliOptions).preset, io)
    })

  program
    .command('stats')
    .description('print the statistics and score of each file (no findings)')
    .argument('<paths...>', 'files, directories or globs')
    .option('-f, --format <name>', 'stats, json or html', 'stats')
    .option('-o, --output-file <file>', 'write the report to a file')
    .option('--preset <kind>', 'kind of statement: sop, personal-statement, research-statement, cover-letter')
    .option('-c, --config <file>', 'use this configuration file (no lookup)')
    .option('--no-config-lookup', 'do not look for configuration files')
    .option('--target <name>', 'the school or company this statement is for')
    .option('--format-in <format>', 'input format (default: by extension)')
    .action(async (paths: string[], options: import('./stats.ts').StatsOptions) => {
      const {runStats} = await import('./stats.ts')
      code = await runStats(paths, withProgramOptions(program, options), io)
    })

  program
    .command('compare')
    .description('compare two drafts: scores, statistics, findings fixed, remaining and added; exit 1 when the new one scores lower')
    .argument('<old>', 'the earlier draft')
    .argument('<new>', 'the later draft')
    .option('-f, --format <name>', 'text or json', 'text')
    .option('-o, --output-file <file>', 'write the comparison to a file')
    .option('--preset <kind>', 'kind of statement: sop, personal-statement, research-statement, cover-letter')
    .option('-c, --config <file>', 'use this configuration file (no lookup)')
    .option('--no-config-lookup', 'do not look for configuration files')
    .option('--target <name>', 'the school or company this statement is for')
    .option('--format-in <format>', 'input format (default: by extension)')
    .action(async (oldPath: string, newPath: string, options: import('./compare.ts').CompareOptions) => {
      const {runCompare} = await import('./compare.ts')
      code = await runCompare(oldPath, newPath, withProgramOptions(program, options), io)
    })

  program
    .command('init')
    .description('write a configuration (kind, target, word limit) and a .soplintaccept here; asks in a terminal')
    .option('--kind <kind>', 'kind of statement: sop, personal-statement, research-statement, cover-letter')
    .option('--target <name>', 'the school or company the statement is for')
    .option('--max-words <n>', 'the word limit', integer)
    .option('--min-words <n>', 'the fewest words', integer)
    .option('--pre-commit', 'add the soplint hook to .pre-commit-config.yaml')
    .option('--github', 'write a GitHub Actions workflow (.github/workflows/soplint.yml)')
    .option('--force', 'replace an existing configuration or workflow')
    .action(async (options: import('./init.ts').InitOptions) => {
      const {init} = await import('./init.ts')
      // The main command has a --target too, and commander gives it the value.
      code = await init({...options, target: options.target ?? program.opts().target}, io)
    })

  program
    .command('lsp')
    .description('start the language server on standard input and output')
    .option('--stdio', 'use standard input and output (the default)')
    // Clients add their own flags (VS Code: --clientProcessId=<pid>); the server ignores them.
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(async () => {
      const {startServer} = await import('../lsp/server.ts')
      startServer()
      code = -1
    })

  program
    .command('web')
    .description('serve the web page (lints in your browser; nothing is sent anywhere) on this machine')
    .option('--port <n>', 'port to listen on (0 picks a free one)', port, 8080)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--open', 'open the page in the default browser')
    .action(async (options: {port: number; host: string; open?: boolean}) => {
      const {serveWeb} = await import('./web.ts')
      code = await serveWeb(options, io)
    })

  try {
    await program.parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0
      return 2
    }
    if (isInputError(error)) {
      fail(error.message)
      return 2
    }
    fail(`internal error: ${(error as Error).message}`)
    if (process.env.SOPLINT_DEBUG) io.stderr.write(String((error as Error).stack) + '\n')
    return 2
  }
  return code
}

// The main command takes -f, -o, --preset, ... too, and commander gives them to it wherever they
// stand, also after a subcommand's name: take back those the user wrote.
function withProgramOptions<T extends object>(program: Command, options: T): T {
  const own = {...options} as Record<string, unknown>
  for (const key of ['format', 'outputFile', 'preset', 'config', 'configLookup', 'target', 'formatIn']) {
    if (program.getOptionValueSource(key) === 'cli') own[key] = program.opts()[key]
  }
  return own as T
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function commaList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean)
}

function port(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535')
  return n
}

function integer(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number')
  return n
}
