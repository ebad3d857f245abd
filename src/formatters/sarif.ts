import {pathToFileURL} from 'node:url'
import type {LintMessage} from '../core/types.ts'
import {isStdin, reportPath} from './paths.ts'
import type {Formatter} from './types.ts'

/** The package version, set by the build. */
declare const SOPLINT_VERSION: string
const version = typeof SOPLINT_VERSION === 'string' ? SOPLINT_VERSION : '0.0.0-dev'

const levels = {error: 'error', warning: 'warning', info: 'note'} as const

/**
 * SARIF 2.1.0, the format GitHub code scanning uploads: one run whose driver lists the rules
 * that fired (with their rationale and docs URL), and one result per finding with its region.
 * Paths are relative to `%SRCROOT%`, the working directory; columns count UTF-16 code units.
 */
export const sarif: Formatter = (results, {cwd, rulesMeta}) => {
  const ids = [...new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort()
  const rules = ids.map((id) => {
    const meta = rulesMeta[id]
    if (!meta) return {id}
    return {
      id,
      shortDescription: {text: meta.description},
      fullDescription: {text: meta.rationale},
      help: {text: `${meta.rationale}\n\nDocumentation: ${meta.url}`, markdown: `${meta.rationale}\n\n[Documentation for ${id}](${meta.url})`},
      helpUri: meta.url
    }
  })
  const sarifResults = results.flatMap((result) => {
    const artifactLocation = location(cwd, result.filePath)
    return result.messages.map((m) => {
      const region = regionOf(m)
      return {
        ruleId: m.ruleId,
        ruleIndex: ids.indexOf(m.ruleId),
        level: levels[m.level],
        message: {text: m.message},
        locations: [{physicalLocation: {artifactLocation, region}}],
        ...(m.expected.length
          ? {
              fixes: m.expected.map((text) => ({
                description: {text: text === '' ? 'Delete it' : `Replace with \`${text}\``},
                artifactChanges: [{artifactLocation, replacements: [{deletedRegion: region, insertedContent: {text}}]}]
              }))
            }
          : {})
      }
    })
  })
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'soplint', informationUri: 'https://github.com/soplint/soplint', version, semanticVersion: version, rules}},
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(cwd).href.replace(/\/?$/, '/')}},
        columnKind: 'utf16CodeUnits',
        results: sarifResults
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
}

function location(cwd: string, file: string): {uri: string; uriBaseId?: string} {
  if (isStdin(file)) return {uri: encodeURIComponent(file)}
  const shown = reportPath(cwd, file)
  if (shown === file && /^([/\\]|[A-Za-z]:)/.test(file)) return {uri: pathToFileURL(file).href}
  return {uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%'}
}

// SARIF regions end after their last character, as unist points do.
function regionOf(m: LintMessage) {
  return {startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn}
}
