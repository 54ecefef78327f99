// The local cloud's file storage, standing in for WeChat cloud storage: a file with the fileID
// `cloud://localcloud/<path>` lives at `<dataDir>/storage/<path>` and the h5 app loads it from
// GET /storage/<path> (src/services/fileUrl.ts maps one to the other). Pictures only. The h5 app
// uploads photos with POST /storage/upload?folder=<folder> (storeUpload), as weapp does with
// wx.cloud.uploadFile.
import { randomBytes } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { BodyTooLarge, readBytes } from './http-util'

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
  const ok = segments.every((s) => s.length > 0 && s !== '.' && s !== '..' && !s.includes('\\') && !s.includes('\0') && !s.includes(':'))
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

// ---- uploads: POST /storage/upload?folder=<folder> -------------------------------------------------

/** The upload route; a file path under /storage/ never equals it (a stored file has an extension). */
export const UPLOAD_PATH = '/storage/upload'
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

/** The picture types an upload may have, each with its extension and how its bytes begin. */
const UPLOAD_TYPES: Record<string, { ext: string; magic: number[] }> = {
  'image/png': { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'image/jpeg': { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
}

const FOLDER_RE = /^[A-Za-z0-9_/-]+$/

/** An upload folder's segments, or null: only [A-Za-z0-9_-] segments joined by '/', nothing empty. */
export function uploadFolderSegments(folder: string | null): string[] | null {
  if (!folder || folder.length > 100 || !FOLDER_RE.test(folder)) return null
  return safeSegments(folder)
}

/** The upload type of a content-type header (parameters ignored), or null when it is not a picture we take. */
export function uploadTypeOf(contentType: string | undefined): string | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase()
  return Object.prototype.hasOwnProperty.call(UPLOAD_TYPES, type) ? type : null
}

/** Whether the bytes begin the way a file of `type` does. */
export function matchesMagic(type: string, bytes: Buffer): boolean {
  const { magic } = UPLOAD_TYPES[type]
  return bytes.length > magic.length && magic.every((b, i) => bytes[i] === b)
}

export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: 'MALFORMED_REQUEST' | 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE',
  ) {
    super(code)
  }
}

/** Reads a binary body, refusing past `limit` bytes (by content-length first, without buffering the rest). */
async function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  try {
    return await readBytes(req, limit)
  } catch (err) {
    throw err instanceof BodyTooLarge ? new UploadRefused(413, 'PAYLOAD_TOO_LARGE') : err
  }
}

/**
 * Stores one uploaded picture (the raw request body) under `<root>/<folder>/<random>.<ext>` and
 * answers its fileID. Everything is checked before anything is written: the folder, the declared
 * type, the size and that the bytes are of the declared type. Throws UploadRefused otherwise.
 */
export async function storeUpload(root: string, req: IncomingMessage, folderParam: string | null): Promise<{ fileID: string }> {
  const segments = uploadFolderSegments(folderParam)
  if (!segments) throw new UploadRefused(400, 'MALFORMED_REQUEST')
  const type = uploadTypeOf(req.headers['content-type'])
  if (!type) throw new UploadRefused(400, 'VALIDATION_FAILED')
  const bytes = await readRaw(req, MAX_UPLOAD_BYTES)
  if (!matchesMagic(type, bytes)) throw new UploadRefused(400, 'VALIDATION_FAILED')

  const base = path.resolve(root)
  const dir = path.resolve(base, ...segments)
  if (!dir.startsWith(base + path.sep)) throw new UploadRefused(400, 'MALFORMED_REQUEST')
  const name = `${randomBytes(12).toString('hex')}.${UPLOAD_TYPES[type].ext}`
  await mkdir(dir, { recursive: true })
  // 'wx': a new name every time; never replaces a stored file.
  await writeFile(path.join(dir, name), bytes, { flag: 'wx' })
  return { fileID: fileIdOf([...segments, name].join('/')) }
}
