// The public API. The CLI and the language server use only what is exported here.
import {rules} from '../rules/index.ts'

export {lint, lintSync, prepare, fix, formatOf, loadFormat, type LintOptions, type FixOptions, type FixResult} from './core/lint.ts'
export {inputFormats, formatExtensions, canFix, fixableIn, readDocx, latexError} from './core/formats/index.ts'
export {validateConfig} from './core/schema.ts'
export {didYouMean} from './core/suggest.ts'
export {mergeConfig, resolveSettings, ruleSetting, kindFromName, readFrontmatterSettings, type KindSource, type FrontmatterSettings} from './core/settings.ts'
export {fixTypes, type FixType} from './core/rule.ts'
export {presets, kinds} from './core/presets.ts'
export {defineData, loadData, type DataSet, type DataSupplier} from './core/data.ts'
export {InputError, isInputError} from './core/errors.ts'
export type * from './core/types.ts'
export {ruleDoc, rulesTable} from './core/docs.ts'
export {documentStats, textStats, type TextStats} from './core/stats.ts'
export {scoreOf, findingPoints, ruleCap} from './core/score.ts'
export {compareResults, type Comparison} from './core/compare.ts'
export {renderHighlights, escapeHtml, type HighlightOptions} from './core/highlight.ts'
/** The YAML parser the core reads front matter with; the configuration loader uses it too, so one copy is loaded. */
export {parse as parseYaml} from 'yaml'

/** Metadata of every rule: id, description, rationale, default level, fix kind, docs url. */
export const ruleMeta = rules.map((r) => r.meta)

/** The ids of every rule, for validation and completion. */
export const ruleIds = rules.map((r) => r.meta.id)

