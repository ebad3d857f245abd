// The bundle gets the trie of the built-in phrase lists from the build (scripts/prebuilt-phrases.js)
// instead of building it at start-up; the sources build it. These tests keep the two one trie:
// what the bundle reads is what the sources build from the lists as they are now, reading it
// gives the trie the sources would build, and the bundle finds what the sources find.
import {spawnSync} from 'node:child_process'
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it, vi} from 'vitest'
import type {Config, LintMessage} from '../src/index.ts'
import {lint} from '../src/index.ts'
import {rules} from '../rules/index.ts'
import {phraseListsOf, phraseTrieData} from '../src/core/phrases.ts'
import {expansionsMade} from '../rules/inflect.ts'
import {soplint, workspace} from './helpers.ts'

const lists = phraseListsOf(rules)
const trie = JSON.stringify(phraseTrieData(lists))
// Importing the rules expanded their families; the bundle carries these expansions instead.
const expansions = JSON.stringify(expansionsMade())

// Every fixture, whole statement and example; the rules whose findings come from phrase lists.
const files = [
  ...readdirSync('fixtures').flatMap((dir) => (dir === '_formats' ? [] : readdirSync(`fixtures/${dir}`).filter((f) => f.endsWith('.md')).map((f) => `fixtures/${dir}/${f}`))),
  ...readdirSync('examples').filter((f) => f.endsWith('.md')).map((f) => `examples/${f}`)
]
const phraseRules = [...lists.keys(), 'custom-phrase']
// User phrases (custom-phrase's fixtures use words no built-in list has) are matched at run time.
const {phrases} = JSON.parse(readFileSync('fixtures/custom-phrase/config.json', 'utf8'))
const config: Config = {rules: Object.fromEntries(phraseRules.map((id) => [id, 'warn'])), phrases}

const show = (messages: LintMessage[]) =>
  messages.filter((m) => phraseRules.includes(m.ruleId)).map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.message} [${m.expected.join(' | ')}]`)

async function findings(lintWith: typeof lint, root = '.') {
  const out: Record<string, string[]> = {}
  for (const file of files) out[file] = show((await lintWith(readFileSync(file, 'utf8'), {filePath: path.resolve(root, file), config})).messages)
  return out
}

describe('the prebuilt phrase trie', () => {
  it('is what the bundle reads, and what the sources build from the lists as they are', () => {
    // JSON.parse is watched, not the bundle's text searched, so that how esbuild prints or names it does not matter.
    const script = `
      const parse = JSON.parse
      const read = []
      JSON.parse = (text, reviver) => (typeof text === 'string' && read.push(text), parse(text, reviver))
      const {lint} = await import(${JSON.stringify(pathToFileURL(path.resolve('dist/index.js')).href)})
      await lint('As we all know that, I am very passionate about Pytorch.')
      process.stdout.write(JSON.stringify(read))`
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
    expect(r.stderr).toBe('')
    const parsed = JSON.parse(r.stdout) as string[]
    const read = parsed.filter((text) => text.startsWith('{"lists":'))
    expect(read, 'the bundle reads the prebuilt trie once (run npm run build)').toHaveLength(1)
    expect(read[0] === trie, `the bundle's trie (${read[0].length} characters) differs from the one the sources build (${trie.length}): run npm run build`).toBe(true)
    expect(expansions.length, 'the sources expand families').toBeGreaterThan(1000)
    expect(parsed.includes(expansions), "the bundle's expansions of the lists' families differ from the sources' (run npm run build)").toBe(true)
  })

  it('is read into the trie the sources build, and used only for the lists it was built from', async () => {
    const built = await findings(lint)
    expect(Object.values(built).flat().length, 'the fixtures exercise the phrase lists').toBeGreaterThan(100)
    const withTrie = async (data: string) => {
      vi.resetModules()
      vi.doMock('../src/core/phrase-trie.ts', () => ({prebuiltTrie: data}))
      try {
        return await findings((await import('../src/index.ts')).lint)
      } finally {
        vi.doUnmock('../src/core/phrase-trie.ts')
      }
    }
    expect(await withTrie(trie)).toEqual(built)
    // An empty trie for the same lists is taken at its word: stock-phrase, which reports nothing
    // but list matches, goes quiet, while the user's phrases are still found. For other lists it is ignored.
    const byRule = (found: Record<string, string[]>, id: string) => Object.values(found).flat().filter((m) => m.split(' ')[1] === id)
    const empty = {...JSON.parse(trie), nodes: phraseTrieData(new Map()).nodes}
    const quiet = await withTrie(JSON.stringify(empty))
    expect(byRule(built, 'stock-phrase').length).toBeGreaterThan(0)
    expect(byRule(quiet, 'stock-phrase')).toEqual([])
    expect(byRule(quiet, 'custom-phrase')).toEqual(byRule(built, 'custom-phrase'))
    expect(byRule(built, 'custom-phrase').length).toBeGreaterThan(0)
    empty.lists[0][1][0] += ' changed'
    expect(await withTrie(JSON.stringify(empty))).toEqual(built)
    // Each fresh copy of the core loads its own dictionary and tagger.
  }, 120_000)

  it('makes the bundled CLI find what the sources find', async () => {
    const dir = workspace(Object.fromEntries(files.map((f) => [f, readFileSync(f)])), config)
    const r = soplint(['--format', 'json', ...files], {cwd: dir})
    expect(r.stderr).toBe('')
    const cli = Object.fromEntries((JSON.parse(r.stdout) as Array<{filePath: string; messages: LintMessage[]}>).map((f) => [path.relative(dir, f.filePath), show(f.messages)]))
    expect(cli).toEqual(await findings(lint, dir))
  })
})
