// The formatter registry. Each formatter is (results, context) => string.
import {json} from './json.ts'
import {stylish} from './stylish.ts'
import type {Formatter} from './types.ts'

/** Every output format, by the name `-f` takes. */
export const formatters: Record<string, Formatter> = {json, stylish}

export type {FileResult, FormatContext, Formatter} from './types.ts'
