// The esbuild settings of the real build, shared with bench/profile.js so that what is profiled
// is bundled exactly as what ships.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import {prebuiltPhrases} from './prebuilt-phrases.js'

/** Phrase lists and other data are YAML; they are bundled as JSON. */
export const yamlPlugin = {
  name: 'yaml',
  setup(b) {
    b.onLoad({filter: /\.yml$/}, (args) => ({contents: JSON.stringify(parse(readFileSync(args.path, 'utf8'))), loader: 'json'}))
  }
}

/**
 * unist-util-visit-parents names a new function after every node it visits, with
 * Object.defineProperty, so that stack traces read "node (WordNode)". The retext plugins and the
 * GFM autolink pass visit every node of every document, and that naming was the largest single
 * allocator of a cold run (3 MB of 34) and about 10 ms of it. The bundle leaves it out; nothing
 * reads those names. If the package changes so that the block is not found, the build fails
 * here rather than ship an unpatched or broken copy.
 */
export const unnamedVisits = {
  name: 'unnamed-visits',
  setup(b) {
    b.onLoad({filter: /[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const naming = /\n {4}if \(typeof value\.type === 'string'\) \{\n {6}const name =[\s\S]*?Object\.defineProperty\(visit, 'name', \{[\s\S]*?\n {6}\}\)\n {4}\}\n/
      const matches = source.match(new RegExp(naming.source, 'g')) ?? []
      if (matches.length !== 1) throw new Error(`${args.path}: expected one block naming visit functions, found ${matches.length}; update unnamedVisits in scripts/bundle-options.js`)
      return {contents: source.replace(naming, '\n'), loader: 'js'}
    })
  }
}

/** The bundle options every build of soplint uses; `root` is the checkout. */
export function bundleOptions(root) {
  const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  const options = {
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: {js: "import {createRequire as __soplintRequire} from 'node:module'; const require = __soplintRequire(import.meta.url);"},
    define: {SOPLINT_VERSION: JSON.stringify(version)},
    plugins: [yamlPlugin, unnamedVisits],
    logLevel: 'warning'
  }
  // The phrase trie is compiled by a build of the sources with these options, less this plugin.
  return {...options, plugins: [...options.plugins, prebuiltPhrases(options)]}
}
