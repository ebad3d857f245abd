// `soplint stats FILE...`: the statistics and the score of each file, without the findings.
// It is the lint run with `-f stats` (or json, or html) and `--stats`; its exit code says only
// whether every file could be read, not whether they have errors.
import {InputError} from '../core/errors.ts'
import type {CliOptions, ReportOptions} from './options.ts'
import {run} from './run.ts'

type IO = Parameters<typeof run>[2]

/** Options `soplint stats` takes. */
export type StatsOptions = ReportOptions

const formats = ['stats', 'json', 'html']

/** Print statistics and scores; 0, or 2 when an input could not be read. */
export async function runStats(paths: string[], options: StatsOptions, io: IO): Promise<number> {
  const format = options.format === 'stylish' ? 'stats' : options.format
  if (!formats.includes(format)) throw new InputError(`--format: soplint stats prints ${formats.join(', ')} (got "${options.format}")`)
  const cli: CliOptions = {...options, format, rule: [], stats: true}
  const code = await run(paths, cli, io)
  return code === 2 ? 2 : 0
}
