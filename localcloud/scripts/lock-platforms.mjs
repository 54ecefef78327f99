// The npm registry this project is built against lacks some other platforms' native binaries
// (@tarojs/binding-darwin-*, @unrs/resolver-binding-win32-*, ...), so `npm install` leaves them out
// of package-lock.json and `npm ci` then refuses the lock ("Missing: ... from lock file").
// This adds an optional, platform-tagged entry for each such optional dependency; npm ci skips them
// on Linux and fetches them where they apply. Run after any `npm install` that rewrites the lock.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './setup.mjs'

const OSES = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd']
const CPUS = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32']

function platformOf(name) {
  const parts = name.split('/').pop().split('-')
  const os = parts.find((p) => OSES.includes(p))
  const cpu = parts.find((p) => CPUS.includes(p))
  const last = parts[parts.length - 1]
  const libc = last === 'gnu' || last === 'gnueabihf' ? 'glibc' : last === 'musl' || last === 'musleabihf' ? 'musl' : undefined
  return { os, cpu, libc }
}

const file = path.join(ROOT, 'package-lock.json')
const lock = JSON.parse(readFileSync(file, 'utf8'))
const added = []
for (const meta of Object.values(lock.packages)) {
  for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`
    if (lock.packages[key]) continue
    const { os, cpu, libc } = platformOf(name)
    if (!os || !cpu) continue
    lock.packages[key] = {
      version: String(range).replace(/^[\^~=]/, ''),
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(libc ? { libc: [libc] } : {}),
    }
    added.push(name)
  }
}
if (added.length) {
  writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
  console.log(`[lock] added ${added.length} platform entries: ${added.join(', ')}`)
} else {
  console.log('[lock] no platform entries missing')
}
