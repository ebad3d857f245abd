// Write docs/rules/<id>.md and the README's rules table from the rule metadata (run after the build).
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {ruleDoc, ruleMeta, rulesTable} from '../dist/index.js'

mkdirSync('docs/rules', {recursive: true})
for (const meta of ruleMeta) writeFileSync(`docs/rules/${meta.id}.md`, ruleDoc(meta))
const readme = readFileSync('README.md', 'utf8')
const start = '<!-- rules:start -->'
const end = '<!-- rules:end -->'
if (readme.includes(start)) {
  const next = readme.slice(0, readme.indexOf(start) + start.length) + '\n' + rulesTable(ruleMeta) + '\n' + readme.slice(readme.indexOf(end))
  writeFileSync('README.md', next)
}
console.log(`wrote ${ruleMeta.length} rule pages`)
