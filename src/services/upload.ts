import Taro from '@tarojs/taro'
import { CloudError } from './cloudError'

/** Folders photos go to: letters, digits, '_' and '-' segments joined by '/' (the gateway checks the same). */
const FOLDER_RE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/

/** The extension a cloud path gets for a local picture path; WeChat's temp paths keep theirs. */
export function imageExtOf(localPath: string): string {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(localPath.split(/[?#]/)[0])
  const ext = match ? match[1].toLowerCase() : ''
  if (ext === 'jpeg') return 'jpg'
  return ['png', 'jpg', 'gif', 'webp'].includes(ext) ? ext : 'jpg'
}

/** A new cloud path in `folder`: `<folder>/<ms>-<random>.<ext>`. */
export function cloudPathFor(folder: string, ext: string): string {
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `${folder}/${Date.now()}-${random}.${ext}`
}

/**
 * Uploads a picture the person chose (Taro.chooseImage / chooseMedia) to cloud storage under
 * `folder` and resolves with its fileID (`cloud://<env>/<folder>/<name>`), which <Image> shows
 * through fileUrl(). Failures are CloudErrors: UPLOAD_FAILED when the upload did not go through,
 * PAYLOAD_TOO_LARGE / VALIDATION_FAILED for a picture the storage refuses (h5).
 *
 * weapp: wx.cloud.uploadFile. h5: the local gateway, POST /storage/upload, acting as the dev persona;
 * as in transport.ts, the h5 branch is a dynamic import behind a build-time constant, so the weapp
 * bundle has none of it.
 */
export async function uploadImage(localPath: string, folder: string): Promise<string> {
  if (!FOLDER_RE.test(folder) || folder.length > 100) throw new CloudError('VALIDATION_FAILED', ['folder'])
  if (process.env.TARO_ENV === 'h5') {
    const { uploadToGateway } = await import('./uploadH5')
    return uploadToGateway(localPath, folder)
  }
  return uploadToWxCloud(localPath, folder)
}

async function uploadToWxCloud(localPath: string, folder: string): Promise<string> {
  let res: Taro.cloud.UploadFileResult
  try {
    res = await Taro.cloud.uploadFile({ cloudPath: cloudPathFor(folder, imageExtOf(localPath)), filePath: localPath })
  } catch {
    throw new CloudError('UPLOAD_FAILED')
  }
  if (typeof res?.fileID !== 'string' || !res.fileID) throw new CloudError('BAD_RESPONSE')
  return res.fileID
}
