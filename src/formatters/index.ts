// The formatter registry. Each formatter is (results, context) => string.
import {compact} from './compact.ts'
import {github} from './github.ts'
import {json} from './json.ts'
import {sarif} from './sarif.ts'
import {stylish} from './stylish.ts'
import {statsOnly} from './stats-text.ts'
import {html} from './html.ts'
import type {Formatter} from './types.ts'

/** Every output format, by the name `-f` takes. */
export const formatters: Record<string, Formatter> = {compact, github, html, json, sarif, stats: statsOnly, stylish}

export type {FileResult, FormatContext, Formatter} from './types.ts'
