import { readFileSync } from 'node:fs'
import webpack from 'webpack'

// The weapp main package must stay under 500 KB (512,000 bytes: check-weapp fails above), and
// zod, which the main pages need for their contracts, is its largest library. Zod's classic schemas
// carry zod's JSON Schema export (toJSONSchema, `~standard.jsonSchema`), about 16 KB minified,
// which the app never uses. In the weapp build these two modules are replaced by stubs with the same
// exports: schemas are built and parsed exactly as before, and asking one for its JSON Schema throws.
// (The h5 build, the cloud functions and the tests keep the real modules.)
const STUBBED = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/

/** The names a module exports (`export const|function|class NAME`, `export { a as NAME }`). */
function exportNames(source: string): string[] {
  const names = new Set<string>()
  for (const m of source.matchAll(/^export\s+(?:const|let|var|function\*?|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1])
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}\s*;?\s*$/gm)) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
      if (name) names.add(name)
    }
  }
  return [...names]
}

/** A stub of the module at `file`: `create…` exports hand back a function that throws, the rest throw. */
function stubSource(file: string): string {
  const lines = [
    `function unavailable() { throw new Error('zod JSON Schema is not part of the weapp build (config/weappTrim.ts)') }`,
    `function creator() { return unavailable }`,
  ]
  for (const name of exportNames(readFileSync(file, 'utf8'))) {
    lines.push(`export const ${name} = ${name.startsWith('create') ? 'creator' : 'unavailable'}`)
  }
  return lines.join('\n')
}

/** Adds the replacement to the weapp build's webpack config. */
export function trimWeappBundle(chain: { plugin(name: string): { use(plugin: unknown, args: unknown[]): unknown } }) {
  chain.plugin('weapp-trim-zod-json-schema').use(webpack.NormalModuleReplacementPlugin, [
    STUBBED,
    (resource: { createData?: { resource?: string } }) => {
      const file = resource.createData?.resource
      if (!file || !STUBBED.test(file)) return
      resource.createData!.resource = `data:text/javascript,${encodeURIComponent(stubSource(file))}`
    },
  ])
}
