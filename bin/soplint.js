#!/usr/bin/env node
// A shim: the CLI is bundled into dist/ by `npm run build` (npm ci and npm test run it).
import {main} from '../dist/cli.js'

const code = await main(process.argv)
if (code >= 0) process.exitCode = code
