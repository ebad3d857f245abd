// Generate rules/data/dictionary.ts, the speller's word list, from the CSpell dictionaries (devDependencies):
//
//   node scripts/gen-dictionary.js
//
// American and British English (@cspell/dict-en_us, @cspell/dict-en-gb-mit), software terms
// (@cspell/dict-software-terms) and scientific terms (@cspell/dict-scientific-terms-us), plus
// rules/data/dictionary-extra.txt (words of statements the lists lack) and the single-word names of
// rules/data/terminology.yml. Their tries take about
// 0.4 s each to decode, too slow for a cold run, so they are expanded here, once, into one sorted
// list of words that the spelling rule binary-searches as a string (as it does the misspellings):
// the built CLI reads it from dist/dictionary.txt, outside the JavaScript heap. Words are lower
// case except proper nouns and adjectives ("Brazilian"), which every list writes with a capital.
import {decodeTrie} from 'cspell-trie-lib'
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {gunzipSync} from 'node:zlib'
import {parse} from 'yaml'

const require = createRequire(import.meta.url)
const dir = (pkg) => path.dirname(require.resolve(`${pkg}/cspell-ext.json`))
const version = (pkg) => JSON.parse(readFileSync(path.join(dir(pkg), 'package.json'), 'utf8')).version
const sources = [
  ['@cspell/dict-en_us', ['en_US.trie.gz']],
  ['@cspell/dict-en-gb-mit', ['en_GB.trie.gz']],
  ['@cspell/dict-software-terms', ['dict/softwareTerms.txt.gz', 'dict/software-tools.txt', 'dict/coding-compound-terms.txt', 'dict/networkingTerms.txt', 'dict/webServices.txt']],
  // Of the scientific terms only the mathematics list: the full list (670,000 words, most of them
  // chemical and biological names) hid typos of everyday words, see docs/spelling.md.
  ['@cspell/dict-scientific-terms-us', ['dict/mathematics_US.txt.gz']]
]

const words = new Set()
// Words every list writes with a capital ("Brazilian", "Monday") are proper nouns and adjectives:
// the list keeps them capitalised, and the spelling rule reports them written in lower case.
const capitalised = new Set()
const lowered = new Set()
// Words of American or British English, as against software, mathematics and our own additions:
// two words written apart are reported as one only when the joined word is English ("master
// piece"), not an identifier made of two ("file system", "filesystem").
const english = new Set()
let source = ''
const add = (word, {proper = false} = {}) => {
  // `~` marks CSpell's accent-free lower-case forms (no evidence of case), `!` forbidden words,
  // `*` and `+` compound parts.
  if (/^[!#]/.test(word)) return
  const written = word.replace(/^[~*+]+|[*+]+$/g, '')
  const w = written.toLowerCase()
  // Latin-1 letters only (so the file can be read outside the heap), and an apostrophe.
  if (!/^[a-z\u00e0-\u00f6\u00f8-\u00ff][a-z\u00e0-\u00f6\u00f8-\u00ff']*$/.test(w)) return
  words.add(w)
  if (source === 'english') english.add(w)
  if (proper) capitalised.add(w)
  else if (word.startsWith('~')) return
  else if (/^[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff']+$/.test(written)) capitalised.add(w)
  else lowered.add(w)
}
for (const [pkg, files] of sources) {
  source = /dict-en/.test(pkg) ? 'english' : pkg
  for (const file of files) {
    const bytes = readFileSync(path.join(dir(pkg), file))
    const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')
    if (/\.trie(\.gz)?$/.test(file)) for (const w of decodeTrie(text).words()) add(w)
    else for (const line of text.split('\n')) if (!line.startsWith('#')) for (const w of line.trim().split(/\s+/)) add(w)
  }
}
source = 'extra'
const extra = readFileSync(new URL('../rules/data/dictionary-extra.txt', import.meta.url), 'utf8')
// A capitalised word there is proper even where a list has a rare lower-case homonym ("English").
for (const line of extra.split('\n')) if (line.trim() && !line.startsWith('#')) add(line.trim(), {proper: /^[A-Z]/.test(line.trim())})
// The names the terminology rule knows ("openai", "pytorch") are its to report, with their casing.
const terminology = parse(readFileSync(new URL('../rules/data/terminology.yml', import.meta.url), 'utf8'))
for (const entry of terminology) for (const alternative of entry.phrase.split(' | ')) if (/^[a-z]+$/i.test(alternative.trim())) add(alternative.trim())

// A word is proper when no list writes it in lower case, or dictionary-extra.txt says so.
const proper = (w) => capitalised.has(w) && (!lowered.has(w) || extraProper.has(w))
const extraProper = new Set(extra.split('\n').map((l) => l.trim()).filter((l) => /^[A-Z]/.test(l)).map((l) => l.toLowerCase()))
const sorted = [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
const body = sorted.map((w) => (proper(w) ? w[0].toUpperCase() + w.slice(1) : w) + (english.has(w) ? '' : '*')).join('\n')
if (/[`\\$]/.test(body)) throw new Error('a word holds a character that a template literal would change')
const from = sources.map(([pkg]) => `${pkg}@${version(pkg)}`).join(', ')
const out = `// GENERATED by scripts/gen-dictionary.js from ${from}, dictionary-extra.txt and terminology.yml; do not edit.
// Licence: MIT, see dictionary.LICENSE beside this file.
// One word per line, sorted by the UTF-16 code units of its lower-case form, opening and closing
// with a newline; a proper noun or adjective (every list writes it with a capital) keeps its capital,
// and a word of no English list (software, mathematics, our additions) ends with \`*\`.
/** ${sorted.length} words of American and British English, software and science. */
const data: string = \`
${body}
\`
export default data
`
writeFileSync(new URL('../rules/data/dictionary.ts', import.meta.url), out)
const licences = sources.map(([pkg]) => `${pkg}@${version(pkg)}:\n\n${readFileSync(path.join(dir(pkg), 'LICENSE'), 'utf8').trim()}`)
writeFileSync(
  new URL('../rules/data/dictionary.LICENSE', import.meta.url),
  `rules/data/dictionary.ts is generated by scripts/gen-dictionary.js from these npm packages (words\nfiltered, lower-cased and merged); their licences follow. This covers rules/data/dictionary.ts only.\n\n${licences.join('\n\n---\n\n')}\n`
)
console.log(`rules/data/dictionary.ts: ${sorted.length} words, ${(out.length / 1024).toFixed(0)} KiB`)
