// The local cloud's file storage, standing in for WeChat cloud storage: a file with the fileID
// `cloud://localcloud/<path>` lives at `<dataDir>/storage/<path>` and the h5 app loads it from
// GET /storage/<path> (src/services/fileUrl.ts maps one to the other). Pictures only.
import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

/** The environment name in the fileIDs of the local cloud. */
export const STORAGE_ENV = 'localcloud'
export const STORAGE_PREFIX = '/storage/'

export const storageDirOf = (dataDir: string) => path.join(dataDir, 'storage')

/** The fileID of a stored path, e.g. `cloud://localcloud/lessons/c1/l1-1.svg`. */
export const fileIdOf = (storagePath: string) => `cloud://${STORAGE_ENV}/${storagePath}`

const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
}

/** A stored path's segments after checking them, or null when it could leave the storage folder. */
export function safeSegments(storagePath: string): string[] | null {
  if (storagePath.length === 0 || storagePath.length > 300) return null
  const segments = storagePath.split('/')
  const ok = segments.every(
    (s) => s.length > 0 && s !== '.' && s !== '..' && !s.includes('\\') && !s.includes('\0') && !s.includes(':'),
  )
  return ok ? segments : null
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text)
}

/** Answers GET/HEAD /storage/<path> from `root`: 400 for a path that escapes, 404 for anything not stored. */
export function serveStorage(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed')
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname.slice(STORAGE_PREFIX.length))
  } catch {
    return sendText(res, 400, 'bad path')
  }
  const segments = safeSegments(decoded)
  if (!segments) return sendText(res, 400, 'bad path')
  const type = TYPES[path.extname(decoded).toLowerCase()]
  const base = path.resolve(root)
  const file = path.resolve(base, ...segments)
  if (!type || !file.startsWith(base + path.sep)) return sendText(res, 404, 'not found')
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) return sendText(res, 404, 'not found')
    size = stat.size
  } catch {
    return sendText(res, 404, 'not found')
  }
  res.writeHead(200, {
    'content-type': type,
    'content-length': size,
    // Stored files are written once under a new path; a day of caching spares the seniors' data.
    'cache-control': 'public, max-age=86400',
    'x-content-type-options': 'nosniff',
    // An SVG opened on its own must not run anything.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file).pipe(res)
}
