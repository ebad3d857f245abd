// The arrows of docs/architecture.md, read from the sources' own imports: the core and the rules
// import no front end, no Node I/O and no `node:` module, and nothing in src/ or rules/ imports in
// a circle (type-only imports included: a circle of types is still two modules that cannot be
// understood apart).
import {readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel)
    return name.endsWith('.ts') ? [rel] : []
  })
}

/** Every module a file imports: relative ones as paths from the root, packages as written. */
function importsOf(file: string): string[] {
  const code = readFileSync(path.join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  const specs = [...code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3])
  return specs.map((spec) => (spec.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), spec)) : spec))
}

const files = [...sources('src'), ...sources('rules')]
const graph = new Map(files.map((file) => [file, importsOf(file)]))
const core = (file: string) => file.startsWith('src/core/') || file.startsWith('rules/')

describe('architecture', () => {
  it('reads the imports it checks', () => {
    expect(graph.get('src/core/lint.ts')).toContain('rules/index.ts')
    expect(graph.get('src/cli/run.ts')).toContain('src/index.ts')
  })

  it('the core and the rules import no front end, no Node I/O and no node: module', () => {
    const wrong = files.filter(core).flatMap((file) =>
      graph
        .get(file)!
        .filter((to) => /^src\/(cli|lsp|node|formatters|web)\//.test(to) || to.startsWith('node:') || to === 'src/index.ts')
        .map((to) => `${file} -> ${to}`)
    )
    expect(wrong).toEqual([])
  })

  it('no import circle in src/ and rules/', () => {
    const circles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '))
        return
      }
      state.set(file, 'open')
      for (const to of graph.get(file) ?? []) if (graph.has(to)) visit(to, [...trail, file])
      state.set(file, 'done')
    }
    for (const file of files) visit(file, [])
    expect(circles).toEqual([])
  })
})
