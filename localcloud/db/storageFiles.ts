// The local cloud storage as a function reads it: wx-server-sdk's cloud.downloadFile({ fileID }) asks
// for a download URL (SDK action storage.batchGetDownloadUrl) and then GETs it. Here a fileID
// `cloud://<env>/<path>` is the file `<dataDir>/storage/<path>` (the gateway's storage, storage.ts),
// and its URL is this server's GET /_local/storage/<path>. A missing file answers
// STORAGE_FILE_NONEXIST, as the platform does. cloud.deleteFile({ fileList }) (storage.batchDeleteFile)
// removes the files. cloud.uploadFile({ cloudPath, fileContent }) asks for upload metadata (SDK action
// storage.getUploadMetadata: a URL and credentials for the object storage) and PUTs the bytes to the
// URL; here the URL is this server's PUT /_local/upload/<path>, which writes the file, and the
// fileID is `cloud://localcloud/<path>` (the gateway's, so the h5 app shows it from /storage/<path>).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import path from 'node:path'
import type { ServerResponse } from 'node:http'

export const STORAGE_URL_PREFIX = '/_local/storage/'
export const UPLOAD_URL_PREFIX = '/_local/upload/'
/** The environment in local fileIDs (gateway/storage.ts's STORAGE_ENV). */
const LOCAL_ENV = 'localcloud'
/** The most bytes one upload may carry here (pictures). */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/** The stored path of a fileID (`cloud://<env>/<path>`), or null when it is not one or could leave the folder. */
export function storagePathOf(fileId: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
  if (!m) return null
  const segments = m[1].split('/')
  const safe = segments.every((s) => s.length > 0 && s !== '.' && s !== '..' && !s.includes('\\') && !s.includes('\0'))
  return safe ? segments.join('/') : null
}

const fileOf = (dataDir: string, storagePath: string) => path.join(dataDir, 'storage', ...storagePath.split('/'))

/** storage.batchGetDownloadUrl: one entry per file (SUCCESS with a URL on `base`, or STORAGE_FILE_NONEXIST). */
export function downloadList(params: Record<string, unknown>, base: string, dataDir: string) {
  const list = Array.isArray(params.file_list) ? (params.file_list as { fileid?: unknown }[]) : []
  return {
    download_list: list.map((f) => {
      const fileID = typeof f?.fileid === 'string' ? f.fileid : ''
      const p = storagePathOf(fileID)
      if (!p || !existsSync(fileOf(dataDir, p))) return { fileID, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' }
      return { fileID, code: 'SUCCESS', tempFileURL: `${base}${STORAGE_URL_PREFIX}${p}` }
    }),
  }
}

/**
 * storage.batchDeleteFile (cloud.deleteFile): each file removed (SUCCESS), or STORAGE_FILE_NONEXIST
 * when there is none, as the platform answers; at most 50 files a call (the platform's limit).
 */
export function deleteList(params: Record<string, unknown>, dataDir: string) {
  const list = Array.isArray(params.fileid_list) ? (params.fileid_list as unknown[]) : []
  if (list.length > 50) return null
  return {
    delete_list: list.map((f) => {
      const fileID = typeof f === 'string' ? f : ''
      const p = storagePathOf(fileID)
      if (!p || !existsSync(fileOf(dataDir, p))) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
      rmSync(fileOf(dataDir, p))
      return { fileID, code: 'SUCCESS' }
    }),
  }
}

/** GET /_local/storage/<path>: the file's bytes, or 404. */
export function serveStorageFile(res: ServerResponse, urlPath: string, dataDir: string): void {
  const p = storagePathOf(`cloud://local/${decodeURIComponent(urlPath.slice(STORAGE_URL_PREFIX.length))}`)
  if (!p || !existsSync(fileOf(dataDir, p))) {
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found')
    return
  }
  const bytes = readFileSync(fileOf(dataDir, p))
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length })
  res.end(bytes)
}

/** storage.getUploadMetadata: where to PUT a file's bytes (on `base`) and the fileID it will have; null for a bad path. */
export function uploadMetadata(params: Record<string, unknown>, base: string) {
  const cloudPath = typeof params.path === 'string' ? params.path.replace(/^\/+/, '') : ''
  const fileId = `cloud://${LOCAL_ENV}/${cloudPath}`
  const p = storagePathOf(fileId)
  if (!p) return null
  return {
    url: `${base}${UPLOAD_URL_PREFIX}${p.split('/').map(encodeURIComponent).join('/')}`,
    token: 'local',
    authorization: 'local',
    fileId,
    cosFileId: `local-${p}`,
    download_url: `${base}${STORAGE_URL_PREFIX}${p}`,
  }
}

/** PUT /_local/upload/<path>: writes the file (an existing one is replaced, as the object storage does); 200 with an empty body. */
export function storeUploadedFile(req: IncomingMessage, res: ServerResponse, urlPath: string, dataDir: string): void {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.slice(UPLOAD_URL_PREFIX.length))
  } catch {
    decoded = ''
  }
  const p = storagePathOf(`cloud://${LOCAL_ENV}/${decoded}`)
  if (!p) {
    req.resume()
    res.writeHead(400, { 'content-type': 'application/xml' })
    res.end(
      '<?xml version="1.0" encoding="utf-8"?><Error><Code>InvalidURI</Code><Message>bad path</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>',
    )
    return
  }
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (c: Buffer) => {
    size += c.length
    if (size <= MAX_UPLOAD_BYTES) chunks.push(c)
  })
  req.on('end', () => {
    if (size > MAX_UPLOAD_BYTES) {
      res.writeHead(400, { 'content-type': 'application/xml' })
      res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>EntityTooLarge</Code><Message>too large</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>',
      )
      return
    }
    const file = fileOf(dataDir, p)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, Buffer.concat(chunks))
    res.writeHead(200, { 'content-length': 0 })
    res.end()
  })
}
