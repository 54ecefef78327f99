// h5 only (imported behind process.env.TARO_ENV === 'h5' in upload.ts): uploads a chosen picture to
// the local gateway's storage as the dev persona, the way transportH5.ts sends calls.
import { currentDevOpenid } from '@/dev/persona'
import { CloudError } from './cloudError'

/** What the gateway takes (localcloud/gateway/storage.ts): PNG or JPEG, at most 5 MB. */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

/** The picture's type from its bytes when the blob does not say (or says something else). */
async function pictureType(blob: Blob): Promise<'image/png' | 'image/jpeg' | null> {
  if (blob.type === 'image/png' || blob.type === 'image/jpeg') return blob.type
  const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer())
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'image/png'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  return null
}

/** `localPath` is what Taro.chooseImage gives in h5: a blob: URL of the chosen file. */
export async function uploadToGateway(localPath: string, folder: string): Promise<string> {
  let blob: Blob
  try {
    blob = await (await fetch(localPath)).blob()
  } catch {
    throw new CloudError('UPLOAD_FAILED')
  }
  if (blob.size > MAX_UPLOAD_BYTES) throw new CloudError('PAYLOAD_TOO_LARGE')
  const type = await pictureType(blob)
  if (!type) throw new CloudError('VALIDATION_FAILED')

  let res: Response
  try {
    res = await fetch(`/storage/upload?folder=${encodeURIComponent(folder)}`, {
      method: 'POST',
      headers: { 'content-type': type, 'x-dev-openid': currentDevOpenid() },
      body: blob,
    })
  } catch {
    throw new CloudError('UPLOAD_FAILED')
  }
  let body: { fileID?: unknown; code?: unknown }
  try {
    body = (await res.json()) as typeof body
  } catch {
    throw new CloudError(res.ok ? 'BAD_RESPONSE' : 'NETWORK')
  }
  if (res.ok && typeof body.fileID === 'string' && body.fileID) return body.fileID
  // Refusals carry a stable code (PAYLOAD_TOO_LARGE, VALIDATION_FAILED, UNAUTHENTICATED...).
  throw new CloudError(typeof body.code === 'string' ? body.code : 'BAD_RESPONSE')
}
