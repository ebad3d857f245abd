// A progress line on standard error while many files are linted in a terminal: files done and
// findings so far, redrawn in place and erased at the end. Never in CI, when standard error is
// not a terminal, or with a machine-read format (their readers do not want it, and some read
// standard error too).

/** Where the progress line goes. */
export interface ProgressStream {
  isTTY?: boolean
  write(text: string): unknown
}

/** How long a run lints before the line appears (short runs never show it), and how often it is redrawn. */
const delayMs = 400
const everyMs = 100

/** Whether a run of `files` files to `stream` in `format` shows progress. */
export function wantsProgress(stream: ProgressStream, format: string, files: number, env: Record<string, string | undefined>): boolean {
  if (files < 2 || !stream.isTTY) return false
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return false
  return format !== 'json' && format !== 'sarif' && format !== 'github'
}

/** A progress line: call update() after each file and done() at the end (it erases the line). */
export function progressLine(stream: ProgressStream, total: number, now: () => number = Date.now): {update(done: number, findings: number): void; done(): void} {
  const started = now()
  let last = 0
  let shown = false
  return {
    update(done, findings) {
      const t = now()
      if (t - started < delayMs || t - last < everyMs) return
      last = t
      shown = true
      stream.write(`\r\u001B[K${done} / ${total} files, ${findings} findings`)
    },
    done() {
      if (shown) stream.write('\r\u001B[K')
    }
  }
}
