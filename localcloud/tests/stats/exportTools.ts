// What the 总结表 export tests share: LibreOffice and poppler on the PATH (never skipped: a missing
// tool fails with the command that installs it), running them, and reading their output.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

export const INSTALL = 'apt-get install -y libreoffice-writer-nogui poppler-utils'
const TOOLS = ['soffice', 'pdftoppm', 'pdftotext', 'pdffonts', 'pdfinfo']

/** Throws (never skips) when LibreOffice or poppler is missing, saying how to install them. */
export function requireOfficeTools(env: NodeJS.ProcessEnv = process.env): void {
  const missing = TOOLS.filter((t) => spawnSync('/bin/sh', ['-c', `command -v ${t}`], { env }).status !== 0)
  if (missing.length) {
    throw new Error(
      `${missing.join(', ')} not found on PATH: the export tests convert the .docx with LibreOffice and read PDFs with poppler. ` +
        `Install them (as root): apt-get update && ${INSTALL}`,
    )
  }
}

export function sh(cmd: string, args: string[], timeout = 90_000): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout })
  if (r.error) throw r.error
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return r.stdout
}

/** A PDF's text laid out by position (a table's row reads left to right on one line). */
export const layoutText = (pdf: string) => sh('pdftotext', ['-layout', pdf, '-'])
/** Without whitespace: poppler spaces CJK from digits, and cells wrap. */
export const flat = (text: string) => text.replace(/\s+/g, '')
export const count = (haystack: string, needle: string) => haystack.split(needle).length - 1

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file)
  if (b.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error(`${file} is not a PNG`)
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}
