// The public API as the bundled ESM build sees it: the build points every import of src/index.ts
// at this module (scripts/bundle-options.js), which loads the one CommonJS core, dist/core.cjs,
// through its code cache (load-core.ts). The CLI, its worker threads, the language server and
// dist/index.js thus share one core. The sources import src/index.ts directly.
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type * as Core from '../../index.ts'
import {loadCore} from './load-core.ts'

/** dist/core.cjs, beside the entry files; this module lands in dist/ or in dist/chunks/. */
function coreFile(): string {
  for (const candidate of ['./core.cjs', '../core.cjs']) {
    const file = fileURLToPath(new URL(candidate, import.meta.url))
    if (existsSync(file)) return file
  }
  throw new Error('soplint: dist/core.cjs is missing; run npm run build')
}

const core = loadCore<typeof Core>(coreFile())

export const {
  canFix,
  compareResults,
  fixableIn,
  didYouMean,
  documentStats,
  escapeHtml,
  fix,
  formatExtensions,
  formatOf,
  inputFormats,
  InputError,
  isInputError,
  kindFromName,
  kinds,
  latexError,
  lint,
  lintSync,
  loadFormat,
  mergeConfig,
  resolveSettings,
  ruleSetting,
  readFrontmatterSettings,
  fixTypes,
  loadData,
  defineData,
  prepare,
  parseYaml,
  presets,
  readDocx,
  renderHighlights,
  ruleDoc,
  ruleIds,
  ruleMeta,
  rulesTable,
  scoreOf,
  textStats,
  validateConfig
} = core
