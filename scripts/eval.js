// Recall per class of flaw on the labeled development set, and noise (warnings and errors per
// 1,000 words) on the strong real statements and on the clean statements written for the project.
// Usage: node scripts/eval.js [--missed] [--class name] [--noise]   (runs the built CLI: build first)
//   --missed       list every label no finding overlaps
//   --class name   only that class in the --missed list
//   --noise        list every warning and error on the strong and clean statements
// The labels are in test/eval/corpus-labels.yml (spans in ../shared/corpus/real, which is not part
// of the project; the corpus part is skipped when it is absent) and test/eval/written-labels.yml
// (statements in test/eval/written/). A label is caught when a finding of a rule that points at
// words (not a whole-sentence measure such as length or readability) overlaps its span.
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'

const args = process.argv.slice(2)
const showMissed = args.includes('--missed')
const showNoise = args.includes('--noise')
const onlyClass = args.includes('--class') ? args[args.indexOf('--class') + 1] : undefined
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const corpusDir = path.resolve(root, '../shared/corpus/real')
const writtenDir = path.join(root, 'test/eval/written')
const CLASSES = ['notes-to-self', 'misspelling', 'grammar', 'collocation', 'doubled', 'typography', 'stock-phrase', 'hedge', 'vague-claim', 'target', 'letter-formality', 'other']
// Rules whose findings cover a sentence or more; their overlap with a label says nothing.
const WHOLE = new Set(['length', 'sentence-length', 'readability', 'passive-voice', 'repetitive-start', 'bold-overuse', 'target-missing'])

/** Offsets of the n-th occurrence of a span in text, whitespace-insensitive. */
export function locate(text, span, n = 1) {
  const pattern = span.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')
  const re = new RegExp(pattern, 'g')
  let m
  let i = 0
  while ((m = re.exec(text))) if (++i === n) return {start: m.index, end: m.index + m[0].length}
  return undefined
}

function loadLabels(file, dir) {
  const labels = []
  const problems = []
  if (!existsSync(file) || !existsSync(dir)) return {labels, problems}
  for (const [name, list] of Object.entries(parse(readFileSync(file, 'utf8')) ?? {})) {
    const full = path.join(dir, name)
    if (!existsSync(full)) {
      problems.push(`${path.relative(root, file)}: ${name}: no such statement`)
      continue
    }
    const text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '')
    for (const [span, cls, n] of list) {
      if (!CLASSES.includes(cls)) problems.push(`${name}: \`${span}\`: unknown class ${cls}`)
      const place = locate(text, String(span), n ?? 1)
      if (!place) problems.push(`${name}: \`${span}\` is not in the statement`)
      else labels.push({file: full, name, span: String(span), cls, ...place})
    }
  }
  return {labels, problems}
}

function lint(files) {
  if (files.length === 0) return new Map()
  const result = spawnSync(process.execPath, [path.join(root, 'bin/soplint.js'), '--format', 'json', '--no-config-lookup', ...files], {encoding: 'utf8', maxBuffer: 1 << 28, env: {...process.env, NO_COLOR: '1'}})
  if (!result.stdout) {
    console.error(result.stderr.trim())
    process.exit(2)
  }
  return new Map(JSON.parse(result.stdout).map((r) => [path.resolve(r.filePath), r]))
}

function strongStatements() {
  if (!existsSync(corpusDir)) return []
  const out = []
  for (const line of readFileSync(path.join(corpusDir, 'SOURCES.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    if (/^\d{3}-/.test(cells[1] ?? '') && /^(strong|mid-strong)/.test(cells[7] ?? '')) {
      out.push({file: path.join(corpusDir, cells[1]), words: Number((cells[6].match(/[\d,]+/) ?? ['0'])[0].replace(/,/g, ''))})
    }
  }
  return out
}

const corpus = loadLabels(path.join(root, 'test/eval/corpus-labels.yml'), corpusDir)
const written = loadLabels(path.join(root, 'test/eval/written-labels.yml'), writtenDir)
const problems = [...corpus.problems, ...written.problems]
if (problems.length > 0) {
  for (const p of problems) console.error(`eval: ${p}`)
  process.exit(2)
}
const strong = strongStatements()
const clean = readdirSync(writtenDir).filter((f) => /^clean-.*\.md$/.test(f)).map((f) => path.join(writtenDir, f))
const files = [...new Set([...corpus.labels.map((l) => l.file), ...written.labels.map((l) => l.file), ...strong.map((s) => s.file), ...clean])]
const results = lint(files)

function caught(label) {
  const messages = results.get(label.file)?.messages ?? []
  return messages.filter((m) => !WHOLE.has(m.ruleId) && m.offset < label.end && m.endOffset > label.start)
}

function recallTable(title, labels, listMissed = showMissed) {
  if (labels.length === 0) return
  console.log(`\n${title}: ${labels.length} labels in ${new Set(labels.map((l) => l.name)).size} statements`)
  let hit = 0
  for (const cls of CLASSES) {
    const mine = labels.filter((l) => l.cls === cls)
    if (mine.length === 0) continue
    const n = mine.filter((l) => caught(l).length > 0).length
    hit += n
    console.log(`  ${cls.padEnd(17)} ${String(n).padStart(3)} / ${String(mine.length).padEnd(3)} ${pct(n, mine.length)}`)
  }
  console.log(`  ${'all'.padEnd(17)} ${String(hit).padStart(3)} / ${String(labels.length).padEnd(3)} ${pct(hit, labels.length)}`)
  if (listMissed) {
    for (const l of labels) if (caught(l).length === 0 && (!onlyClass || l.cls === onlyClass)) console.log(`    missed ${l.cls}: ${l.name}: \`${l.span}\``)
  }
}

function pct(n, d) {
  return `${((100 * n) / d).toFixed(0).padStart(3)}%`
}

function noise(title, list) {
  if (list.length === 0) return
  let count = 0
  let words = 0
  const byRule = {}
  for (const {file, words: w} of list) {
    const r = results.get(file)
    words += w ?? r?.stats?.words ?? 0
    for (const m of r?.messages ?? []) {
      if (m.level === 'info') continue
      count++
      byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1
      if (showNoise) console.log(`    ${path.basename(file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`)
    }
  }
  const rules = Object.entries(byRule).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')
  console.log(`${title}: ${count} warnings and errors in about ${words.toLocaleString('en-US')} words = ${((1000 * count) / Math.max(1, words)).toFixed(2)} per 1,000 words${rules ? ` (${rules})` : ''}`)
}

recallTable('Real statements (corpus)', corpus.labels)
recallTable('Written for the project', written.labels)
recallTable('All labels', [...corpus.labels, ...written.labels], false)
console.log('')
if (!existsSync(corpusDir)) console.log(`(no corpus at ${corpusDir}: its labels and strong statements are skipped)`)
noise('Noise on the strong real statements', strong)
noise('Noise on the clean written statements', clean.map((file) => ({file})))
