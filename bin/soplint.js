#!/usr/bin/env node
// A shim: the CLI is bundled into dist/ by `npm run build` (npm ci and npm test run it).
import {main} from '../dist/cli.js'

// A reader that closes the pipe early (`soplint big.md | head`) is not an error of ours: stop
// writing to it, and exit as the lint says, without a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error
  })
}

const code = await main(process.argv)
if (code >= 0) process.exitCode = code
