// The local cloud storage as a function reads it: wx-server-sdk's cloud.downloadFile({ fileID }) asks
// for a download URL (SDK action storage.batchGetDownloadUrl) and then GETs it. Here a fileID
// `cloud://<env>/<path>` is the file `<dataDir>/storage/<path>` (the gateway's storage, storage.ts),
// and its URL is this server's GET /_local/storage/<path>. A missing file answers
// STORAGE_FILE_NONEXIST, as the platform does. cloud.deleteFile({ fileList }) (storage.batchDeleteFile)
// removes the files.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { ServerResponse } from 'node:http'

export const STORAGE_URL_PREFIX = '/_local/storage/'

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
