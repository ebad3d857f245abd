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
    plugins: [yamlPlugin],
    logLevel: 'warning'
  }
  // The phrase trie is compiled by a build of the sources with these options, less this plugin.
  return {...options, plugins: [...options.plugins, prebuiltPhrases(options)]}
}
