// Files in cloud storage removed with the records that named them (a self-nominated person's photos
// when they delete their data): cloud.deleteFile, at most 50 files a call (the platform's limit).
// A file already gone counts as removed, so a call that died halfway is simply run again.
import { getCloud } from './cloud'

/** The platform's most files per deleteFile call. */
const PER_CALL = 50

interface DeleteApi {
  deleteFile(data: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number; errMsg: string }[] }>
}

/** wx-server-sdk's status of a file: 0 removed; STORAGE_FILE_NONEXIST (there was none). */
const GONE = new Set([0, -503003])

/** Removes the files (cloud:// ids); throws when one could not be removed (the caller's retry runs it again). */
export async function deleteFiles(fileIds: string[]): Promise<void> {
  const ids = [...new Set(fileIds.filter((f) => f.startsWith('cloud://')))]
  const api = getCloud() as unknown as DeleteApi
  for (let i = 0; i < ids.length; i += PER_CALL) {
    const { fileList } = await api.deleteFile({ fileList: ids.slice(i, i + PER_CALL) })
    const failed = fileList.filter((f) => !GONE.has(f.status))
    if (failed.length > 0) throw new Error(`deleteFile failed for ${failed.map((f) => `${f.fileID} (${f.status} ${f.errMsg})`).join(', ')}`)
  }
}
