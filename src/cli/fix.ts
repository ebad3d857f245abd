// --fix and --fix-dry-run around the core's fix(): which rules may fix, atomic writes that
// refuse a file changed under us, and the unified diff of a dry run. The fixing itself is the
// core's; this file only decides what to do with the fixed text.
import {randomBytes} from 'node:crypto'
import {constants} from 'node:fs'
import {access, chmod, chown, open, readFile, realpath, rename, stat, unlink} from 'node:fs/promises'
import path from 'node:path'
import {InputError} from '../core/errors.ts'
import {didYouMean, fix, fixTypes, ruleMeta, type FixOptions, type FixResult, type FixType} from '../index.ts'

/** What the fix flags ask for: none, a real fix, or a dry run; and which rules may fix. */
export interface FixPlan {
  mode: 'write' | 'dry-run'
  /** The rules that may fix; undefined means every rule whose fix is automatic. */
  fixRules?: string[]
}

/** Check --fix, --fix-dry-run, --fix-type and --fix-rule; throws an InputError for a bad combination or value. */
export function fixPlan(options: {fix?: boolean; fixDryRun?: boolean; fixType?: string[]; fixRule?: string[]}): FixPlan | undefined {
  if (options.fix && options.fixDryRun) throw new InputError('--fix and --fix-dry-run cannot be used together')
  if (!options.fix && !options.fixDryRun) {
    if (options.fixType) throw new InputError('--fix-type needs --fix or --fix-dry-run')
    if (options.fixRule) throw new InputError('--fix-rule needs --fix or --fix-dry-run')
    return undefined
  }
  const auto = ruleMeta.filter((m) => m.fix === 'auto').map((m) => m.id)
  let fixRules: string[] | undefined
  if (options.fixType) {
    for (const type of options.fixType) {
      if (!fixTypes.includes(type as FixType)) throw new InputError(`--fix-type: unknown type "${type}"${didYouMean(type, fixTypes)} (types: ${fixTypes.join(', ')})`)
    }
    fixRules = ruleMeta.filter((m) => m.fix === 'auto' && options.fixType!.includes(m.type)).map((m) => m.id)
  }
  if (options.fixRule) {
    const ids = ruleMeta.map((m) => m.id)
    for (const id of options.fixRule) {
      if (!ids.includes(id)) throw new InputError(`--fix-rule: unknown rule "${id}"${didYouMean(id, ids)}`)
      if (!auto.includes(id)) throw new InputError(`--fix-rule: ${id} has no automatic fix (rules that fix: ${auto.join(', ') || 'none'})`)
    }
    fixRules = (fixRules ?? auto).filter((id) => options.fixRule!.includes(id))
  }
  return {mode: options.fix ? 'write' : 'dry-run', fixRules}
}

/**
 * Fix one input as the plan says: write the file back, print its diff (dry run), or print the
 * fixed text of standard input. Resolves to what is left to report.
 */
export async function fixInput(input: {filePath: string; shown: string; text: string; stdin: boolean}, plan: FixPlan, options: FixOptions, stdout: NodeJS.WritableStream): Promise<FixResult> {
  const fixed = await fix(input.text, {...options, fixRules: plan.fixRules})
  if (plan.mode === 'dry-run') stdout.write(await unifiedDiff(input.shown, input.text, fixed.output))
  else if (input.stdin) stdout.write(fixed.output)
  else if (fixed.output !== input.text) await writeFixed(input.filePath, input.text, fixed.output, input.shown)
  return fixed
}

/**
 * Replace a file's content atomically: a temporary file beside the real one (symbolic links
 * are followed), with the same permissions, renamed over it. A file whose bytes are no longer
 * `original` is left alone: it changed after soplint read it. Throws an InputError naming `shown`.
 */
export async function writeFixed(file: string, original: string, fixed: string, shown = file): Promise<void> {
  let target: string
  try {
    target = await realpath(file)
  } catch (error) {
    throw new InputError(`${shown}: cannot be fixed: it is gone (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  const expected = Buffer.from(original, 'utf8')
  const changed = new InputError(`${shown}: changed on disk while soplint was fixing it; left alone (run soplint --fix again)`)
  const unchanged = async () => {
    const now = await readFile(target).catch(() => undefined)
    return now !== undefined && now.equals(expected)
  }
  const info = await stat(target)
  // A rename would replace what is not a regular file, and would write past a read-only mode.
  if (!info.isFile()) throw new InputError(`${shown}: is not a regular file; not fixed`)
  // No write bit for anyone is the writer's say-so, even for a user (root) whom the system would let write.
  if ((info.mode & 0o222) === 0) throw new InputError(`${shown}: is read-only; not fixed (the file is unchanged)`)
  if (!(await unchanged())) throw changed
  if (!(await access(target, constants.W_OK).then(() => true, () => false))) throw new InputError(`${shown}: cannot write the fixed text (EACCES); the file is unchanged`)
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.soplint-tmp`)
  try {
    const handle = await open(temporary, 'wx', info.mode & 0o777)
    try {
      await handle.writeFile(fixed, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    // open() honours the umask; set the mode (and owner, where allowed) explicitly.
    await chmod(temporary, info.mode & 0o7777)
    await chown(temporary, info.uid, info.gid).catch(() => undefined)
    if (!(await unchanged())) throw changed
    await rename(temporary, target)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    if (error === changed) throw error
    throw new InputError(`${shown}: cannot write the fixed text (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the file is unchanged`)
  }
}

/** A unified diff of one file, with `a/` and `b/` prefixes so `git apply` and `patch -p1` take it. */
export async function unifiedDiff(name: string, before: string, after: string): Promise<string> {
  if (before === after) return ''
  const {createTwoFilesPatch, FILE_HEADERS_ONLY} = await import('diff')
  const file = name.split(path.sep).join('/')
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {context: 3, headerOptions: FILE_HEADERS_ONLY})
}
