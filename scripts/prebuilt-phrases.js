// The trie of the built-in phrase lists, compiled at build time. Building it means tokenizing
// every word of every list with parse-english, which cost a cold run tens of milliseconds; the
// bundle gets it instead as a JSON string, in place of src/core/phrase-trie.ts; src/core/phrases.ts parses it.
// So with the lists' families (`comprise~`, "I am"): rules/inflect.ts expanded them as their rules
// loaded, tens of milliseconds more; the bundle gets the expansions in place of
// rules/data/expanded-patterns.ts. And with the university names of the target rules, which the
// bundle gets grouped by first word (namesByFirstWord in rules/data/institutions.ts).
import {execFile} from 'node:child_process'
import path from 'node:path'
import {build} from 'esbuild'

// Run by node from stdin, so it may use `process`; the core it bundles may not.
const generator = `import {rules} from '../rules/index.ts'
import {expansionsMade} from '../rules/inflect.ts'
import {namesByFirstWord} from '../rules/data/institutions.ts'
import universities from '../rules/data/universities.ts'
import {phraseListsOf, phraseTrieData} from '../src/core/phrases.ts'
process.stdout.write(JSON.stringify({trie: JSON.stringify(phraseTrieData(phraseListsOf(rules))), expansions: JSON.stringify(expansionsMade()), universities: namesByFirstWord(universities)}))
`

/**
 * The serialised trie of the lists the sources register and the expansions of their families
 * (`{trie, expansions}`, each a JSON string), and the university names grouped by first word
 * (`universities`), computed by bundling and running the sources.
 */
export async function phraseTrie(options) {
  const {outputFiles} = await build({
    ...options,
    splitting: false,
    write: false,
    outfile: 'phrase-trie.js',
    stdin: {contents: generator, loader: 'ts', resolveDir: path.join(options.absWorkingDir, 'scripts'), sourcefile: 'phrase-trie-generator.ts'}
  })
  // Not execFileSync: the build's own plugins run on this thread meanwhile.
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--input-type=module'], {encoding: 'utf8', maxBuffer: 64 << 20}, (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))))
    child.stdin.end(outputFiles[0].text)
  })
}

/**
 * An esbuild plugin that bundles the trie in place of src/core/phrase-trie.ts, the expansions in
 * place of rules/data/expanded-patterns.ts and the grouped university names in place of
 * rules/data/universities.ts, computing them by a build with `options`.
 */
export function prebuiltPhrases(options) {
  // One trie for every build made with these options (the build makes several bundles).
  let trie
  // Started as the first build sets up, the generator runs while esbuild reads the rest of the sources.
  const values = () =>
    (trie ??= phraseTrie(options).then(
      (value) => ({value}),
      (error) => ({error})
    ))
  const module = (text) => async () => {
    const {value, error} = await values()
    if (error) throw error
    return {contents: text(value), loader: 'js'}
  }
  const plugin = {
    name: 'prebuilt-phrases',
    setup(b) {
      values()
      b.onLoad({filter: /[\\/]src[\\/]core[\\/]phrase-trie\.ts$/}, module((value) => `export const prebuiltTrie = ${JSON.stringify(value.trie)}`))
      b.onLoad({filter: /[\\/]rules[\\/]data[\\/]expanded-patterns\.ts$/}, module((value) => `export const prebuiltExpansions = ${JSON.stringify(value.expansions)}`))
      b.onLoad({filter: /[\\/]rules[\\/]data[\\/]universities\.ts$/}, module((value) => `export default ${JSON.stringify(value.universities)}`))
    }
  }
  valuesOf.set(plugin, values)
  return plugin
}

// esbuild refuses a plugin with properties of its own; the values are kept beside it.
const valuesOf = new WeakMap()

/** The values a prebuiltPhrases() plugin computes, `{value: {trie, expansions, universities}}` or `{error}`, for a build that writes them elsewhere. */
export function prebuiltValues(plugin) {
  return valuesOf.get(plugin)()
}
