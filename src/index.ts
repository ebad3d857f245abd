// The public API. The CLI and the language server use only what is exported here.
import {rules} from '../rules/index.ts'
import {presets} from './core/presets.ts'

export {lint, lintSync, prepare, fix, formatOf, kindFromName, loadFormat, type LintOptions, type FixOptions, type FixResult} from './core/lint.ts'
export {inputFormats, formatExtensions, canFix, readDocx, latexError, type DocxDocument} from './core/formats/index.ts'
export {validateConfig, didYouMean} from './core/schema.ts'
export {presets, kinds} from './core/presets.ts'
export {defineData, loadData, type DataSet, type DataSupplier} from './core/data.ts'
export {InputError, isInputError} from './core/errors.ts'
export type * from './core/types.ts'
export {ruleDoc, rulesTable} from './core/docs.ts'
export {textStats, type TextStats} from './core/stats.ts'
/** The YAML parser the core reads front matter with; the configuration loader uses it too, so one copy is loaded. */
export {parse as parseYaml} from 'yaml'

/** Metadata of every rule: id, description, rationale, default level, fix kind, docs url. */
export const ruleMeta = rules.map((r) => r.meta)

/** The ids of every rule, for validation and completion. */
export const ruleIds = rules.map((r) => r.meta.id)

void presets
