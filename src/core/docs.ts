// Rule documentation rendered from rule metadata, so docs cannot drift from behaviour.
import {presets} from './presets.ts'
import type {RuleMeta} from './rule.ts'

type Meta = RuleMeta<any> & {url: string}

const fixNames = {auto: 'automatic (`--fix`)', suggest: 'suggestions (editor quick fixes, JSON `suggestions`)', none: 'none'}

/** The Markdown page of one rule (docs/rules/<id>.md). */
export function ruleDoc(meta: Meta): string {
  const kinds = meta.kinds ? meta.kinds.join(', ') : Object.keys(presets).join(', ')
  const lines = [
    `# ${meta.id}`,
    '',
    '<!-- Generated from the rule metadata by `npm run docs`; edit rules/' + meta.id + '.ts instead. -->',
    '',
    meta.description + '.',
    '',
    `- Default level: \`${meta.defaultLevel}\``,
    `- Fix: ${fixNames[meta.fix]}`,
    `- On by default for: ${kinds}`,
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## Example',
    '',
    'Before:',
    '',
    '> ' + meta.example.before.replace(/\n/g, '\n> '),
    '',
    'After:',
    '',
    '> ' + meta.example.after.replace(/\n/g, '\n> '),
    ''
  ]
  const options = Object.entries(meta.options ?? {}) as Array<[string, {type: string; default: unknown; description: string}]>
  if (options.length) {
    lines.push('## Options', '', '| option | type | default | meaning |', '| --- | --- | --- | --- |')
    for (const [name, spec] of options) lines.push(`| \`${name}\` | ${spec.type} | \`${JSON.stringify(spec.default)}\` | ${spec.description} |`)
    lines.push('', '```json', JSON.stringify({rules: {[meta.id]: ['warn', Object.fromEntries(options.map(([k, s]) => [k, s.default]))]}}, null, 2), '```', '')
  }
  lines.push(
    '## Turning it off',
    '',
    '```json',
    JSON.stringify({rules: {[meta.id]: 'off'}}, null, 2),
    '```',
    '',
    `Or for one paragraph: \`<!-- soplint ignore ${meta.id} -->\` on the line before it.`,
    ''
  )
  return lines.join('\n')
}

/** The rules table for the README. */
export function rulesTable(metas: readonly Meta[]): string {
  const rows = metas.map((m) => `| [\`${m.id}\`](docs/rules/${m.id}.md) | ${m.description} | ${m.defaultLevel} | ${m.fix === 'auto' ? 'yes' : m.fix === 'suggest' ? 'suggests' : ''} |`)
  return ['| rule | what it finds | level | fix |', '| --- | --- | --- | --- |', ...rows].join('\n')
}
