// Bundles every cloud function's TypeScript sources (cloudfunctions/<fn>/src/index.ts, with the shared
// contracts and cloudfunctions/_core) into the single cloudfunctions/<fn>/index.js that WeChat
// DevTools uploads. wx-server-sdk stays external: the cloud installs it from the function's package.json.
import { build, context, type BuildOptions } from 'esbuild'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..', '..')
export const FUNCTIONS_DIR = path.join(ROOT, 'cloudfunctions')

/** Names of the deployable functions: folders with src/index.ts and a package.json. */
export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .filter((d) => existsSync(path.join(FUNCTIONS_DIR, d.name, 'src', 'index.ts')))
    .map((d) => d.name)
    .sort()
}

function checkPinnedSdk(fn: string): void {
  const pkg = JSON.parse(readFileSync(path.join(FUNCTIONS_DIR, fn, 'package.json'), 'utf8'))
  if (pkg.dependencies?.['wx-server-sdk'] !== '4.0.2') {
    throw new Error(`cloudfunctions/${fn}/package.json must pin wx-server-sdk to exactly 4.0.2`)
  }
}

/** The esbuild options that bundle function `fn` into cloudfunctions/<fn>/index.js. */
export function functionBuildOptions(fn: string): BuildOptions & { metafile: true } {
  checkPinnedSdk(fn)
  return {
    entryPoints: [path.join(FUNCTIONS_DIR, fn, 'src', 'index.ts')],
    outfile: path.join(FUNCTIONS_DIR, fn, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    // Fonts (the stats function's PDF 总结表) travel inside the bundle as bytes: no file to find at run time.
    loader: { '.otf': 'binary' },
    // ESM dependencies (pdfkit) find their files with import.meta.url, which a CommonJS bundle lacks
    // (esbuild leaves it undefined): the bundle's own URL stands in.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "var __bundleUrl = require('url').pathToFileURL(__filename).href;" },
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  }
}

export async function buildFunctions(names = functionNames()): Promise<{ fn: string; bytes: number }[]> {
  const out: { fn: string; bytes: number }[] = []
  for (const fn of names) {
    const options = functionBuildOptions(fn)
    const result = await build(options)
    out.push({ fn, bytes: result.metafile.outputs[path.relative(process.cwd(), options.outfile!)]?.bytes ?? 0 })
  }
  return out
}

/**
 * Rebuilds each function's bundle whenever one of its sources changes (esbuild's watch mode), calling
 * onRebuilt(fn) after each successful rebuild. Returns a function that stops watching.
 */
export async function watchFunctions(onRebuilt: (fn: string) => void, names = functionNames()): Promise<() => Promise<void>> {
  const contexts = await Promise.all(
    names.map((fn) =>
      context({
        ...functionBuildOptions(fn),
        plugins: [
          {
            name: 'on-rebuilt',
            setup(b) {
              let first = true
              b.onEnd((result) => {
                if (first) return void (first = false)
                if (result.errors.length === 0) onRebuilt(fn)
              })
            },
          },
        ],
      }),
    ),
  )
  await Promise.all(contexts.map((c) => c.watch()))
  return async () => {
    await Promise.all(contexts.map((c) => c.dispose()))
  }
}

if (require.main === module) {
  buildFunctions()
    .then((built) => {
      for (const b of built) console.log(`built cloudfunctions/${b.fn}/index.js`)
    })
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
