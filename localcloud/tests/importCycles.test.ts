// No module imports itself through others: the import graph of src/, cloudfunctions/ and localcloud/
// (relative paths and the tsconfig path aliases, static, dynamic and type-only imports alike) has
// no cycle. A failure names every group of files that import each other.
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as ts from 'typescript'

const ROOT = path.resolve(__dirname, '../..')
const TREES = ['src', 'cloudfunctions', 'localcloud']
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/
const SKIP_DIRS = new Set(['node_modules', 'dist', '.bench'])
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx', '/index.js']

/** Every source file of a tree (bundled function outputs, `cloudfunctions/<fn>/index.js`, left out). */
function sourcesOf(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : sourcesOf(full)
    if (!SOURCE.test(e.name) || e.name.endsWith('.d.ts')) return []
    if (/^cloudfunctions\/[^/]+\/index\.js$/.test(path.relative(ROOT, full).split(path.sep).join('/'))) return []
    return [full]
  })
}

/** The tsconfig `paths` aliases as [prefix, folder] (e.g. ['@/', '<root>/src/']). */
function aliases(): [string, string][] {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f))
  const options = (config.config?.compilerOptions ?? {}) as { baseUrl?: string; paths?: Record<string, string[]> }
  const base = path.resolve(ROOT, options.baseUrl ?? '.')
  return Object.entries(options.paths ?? {}).map(([from, [to]]) => [
    from.replace(/\*$/, ''),
    path.resolve(base, to.replace(/\*$/, '')) + path.sep,
  ])
}

function resolve(from: string, spec: string, alias: [string, string][]): string | null {
  let target: string | null = null
  if (spec.startsWith('.')) target = path.resolve(path.dirname(from), spec)
  for (const [prefix, folder] of alias) if (spec.startsWith(prefix)) target = folder + spec.slice(prefix.length)
  if (!target) return null
  for (const ext of EXTENSIONS) {
    const file = target + ext
    if (SOURCE.test(file) && fs.existsSync(file) && fs.statSync(file).isFile()) return file
  }
  // An import written with .js that names a .ts file.
  const ts_ = target.replace(/\.js$/, '.ts')
  return ts_ !== target && fs.existsSync(ts_) ? ts_ : null
}

/** file → the project files it imports. */
export function importGraph(): Map<string, string[]> {
  const alias = aliases()
  const graph = new Map<string, string[]>()
  for (const file of TREES.flatMap((t) => sourcesOf(path.join(ROOT, t)))) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
    const deps = info.importedFiles.map((f) => resolve(file, f.fileName, alias)).filter((f): f is string => f !== null)
    graph.set(file, [...new Set(deps)])
  }
  return graph
}

/** The groups of files that reach each other (Tarjan's strongly connected components of more than one file, or a file importing itself). */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const groups: string[][] = []
  let next = 0
  const visit = (v: string) => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        group.push(w)
      } while (w !== v)
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(group.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return groups
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/')

describe('import cycles', () => {
  test('the graph is read: relative and alias imports resolve', () => {
    const graph = importGraph()
    expect(graph.get(path.join(ROOT, 'src/services/callCloud.ts'))?.map(rel)).toEqual(expect.arrayContaining(['src/services/transport.ts']))
    expect(graph.get(path.join(ROOT, 'cloudfunctions/_core/handler.ts'))?.map(rel)).toEqual(
      expect.arrayContaining(['src/shared/contracts/index.ts']),
    )
  })

  test('a cycle is found and named', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a']],
      ['c', ['d']],
      ['d', ['e']],
      ['e', ['c']],
      ['f', ['f']],
      ['g', ['a']],
    ])
    expect(cyclesOf(graph)).toEqual([['a', 'b'], ['c', 'd', 'e'], ['f']])
  })

  test('no two files of src/, cloudfunctions/ or localcloud/ import each other, directly or through others', () => {
    const cycles = cyclesOf(importGraph()).map((group) => group.map(rel).join(' ⇄ '))
    expect(cycles).toEqual([])
  })
})
