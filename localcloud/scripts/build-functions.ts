// Bundles every cloud function's TypeScript sources (cloudfunctions/<fn>/src/index.ts, with the shared
// contracts and cloudfunctions/_core) into the single cloudfunctions/<fn>/index.js that WeChat
// DevTools uploads. wx-server-sdk stays external: the cloud installs it from the function's package.json.
import { build } from 'esbuild'
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

export async function buildFunctions(names = functionNames()): Promise<{ fn: string; bytes: number }[]> {
  const out: { fn: string; bytes: number }[] = []
  for (const fn of names) {
    checkPinnedSdk(fn)
    const outfile = path.join(FUNCTIONS_DIR, fn, 'index.js')
    const result = await build({
      entryPoints: [path.join(FUNCTIONS_DIR, fn, 'src', 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      tsconfig: path.join(ROOT, 'tsconfig.json'),
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
    })
    out.push({ fn, bytes: result.metafile.outputs[path.relative(process.cwd(), outfile)]?.bytes ?? 0 })
  }
  return out
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
