// Makes a fresh machine (Node 20 + npm only) ready: npm packages from the lock file, for the
// browser tests Debian's Chromium with CJK fonts, for the 总结表 export tests LibreOffice and
// poppler. Plain Node: it runs before anything is installed.
import { execSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export function run(cmd, opts = {}) {
  const res = spawnSync(cmd, { cwd: ROOT, stdio: 'inherit', shell: true, ...opts })
  if (res.status === null) console.error(`[run] ${cmd}: ended by signal ${res.signal ?? '?'}${res.error ? ` (${res.error.message})` : ''}`)
  return res.status ?? 1
}

/** npm ci when node_modules is missing or was installed from another package-lock.json. */
export function ensureDeps() {
  const lock = readFileSync(path.join(ROOT, 'package-lock.json'))
  const hash = createHash('sha256').update(lock).digest('hex')
  const stamp = path.join(ROOT, 'node_modules', '.installed-lock-hash')
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return
  console.log('[setup] installing npm packages (npm ci; the first time takes a few minutes)...')
  const status = run('npm ci --no-audit --no-fund')
  if (status !== 0) {
    console.error('[setup] npm ci failed')
    process.exit(status)
  }
  writeFileSync(stamp, hash)
}

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const CJK_FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto']

function hasCjkFont() {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0
  } catch {
    return CJK_FONT_DIRS.some((d) => existsSync(path.join(d, 'NotoSansCJK-Regular.ttc')))
  }
}

/** Debian's chromium and fonts-noto-cjk: installed when we are root, otherwise we say how. */
export function ensureBrowser() {
  if (existsSync(CHROMIUM) && hasCjkFont()) return true
  const how = 'apt-get update && apt-get install -y chromium fonts-noto-cjk'
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error(`[setup] the browser tests need Debian's Chromium and CJK fonts. Run as root:\n  ${how}`)
    return false
  }
  console.log(`[setup] installing Chromium and CJK fonts: ${how}`)
  const status = run(`DEBIAN_FRONTEND=noninteractive sh -c '${how}'`)
  return status === 0 && existsSync(CHROMIUM)
}

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0

/**
 * LibreOffice (soffice), poppler (pdftoppm) and CJK fonts for the 总结表 .docx tests (without the
 * fonts LibreOffice draws every Chinese character as a box): installed when we are root, otherwise
 * we say how.
 */
export function ensureOfficeTools() {
  const ready = () => onPath('soffice') && onPath('pdftoppm') && hasCjkFont()
  if (ready()) return true
  const how = 'apt-get update && apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk'
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error(`[setup] the 总结表 export tests need LibreOffice, poppler and CJK fonts. Run as root:\n  ${how}`)
    return false
  }
  console.log(`[setup] installing LibreOffice Writer, poppler and CJK fonts: ${how}`)
  const status = run(`DEBIAN_FRONTEND=noninteractive sh -c '${how}'`)
  return status === 0 && ready()
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureDeps()
  if (process.argv.includes('--browser') && !ensureBrowser()) process.exit(1)
}
