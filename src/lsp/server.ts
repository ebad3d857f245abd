// The language server (built in its own issue).
/** Start the language server on stdio. */
export function startServer(): void {
  process.stderr.write('soplint: the language server is not built yet\n')
  process.exit(2)
}
