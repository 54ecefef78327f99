// WeChat's content security check (内容安全) through the cloud call, for text and pictures residents
// will see: security.msgSecCheck v2 ({ version: 2, scene, openid, content } → result.suggest
// 'pass' | 'review' | 'risky') and security.imgSecCheck (the picture's bytes, downloaded from cloud
// storage with cloud.downloadFile). Anything but a clear 'pass' (a suggestion to review, a risky
// verdict, an errCode 87014 for a picture) counts as flagged: staff see CONTENT_FLAGGED and change
// the text. The local cloud answers both with stand-ins (localcloud/db/openapi.ts).
import { getCloud } from './cloud'

/** msgSecCheck's scenes: 1 profile, 2 comment, 3 forum post, 4 social log. A nomination's story is a post. */
export const SCENE_POST = 3

interface SecurityApi {
  openapi: {
    security: {
      msgSecCheck(data: {
        version: 2
        scene: number
        openid: string
        content: string
      }): Promise<{ errCode?: number; result?: { suggest?: string } }>
      imgSecCheck(data: { media: { contentType: string; value: Buffer } }): Promise<{ errCode?: number }>
    }
  }
  downloadFile(data: { fileID: string }): Promise<{ fileContent: Buffer }>
}

const api = () => getCloud() as unknown as SecurityApi

/** WeChat's errCode for a picture with risky content. */
const IMG_RISKY = 87014

/** Each non-empty text passes msgSecCheck v2 for `openid` (one call per text); false when any does not. */
export async function checkText(texts: readonly (string | null | undefined)[], openid: string): Promise<boolean> {
  for (const content of texts) {
    if (!content || !content.trim()) continue
    const answer = await api().openapi.security.msgSecCheck({ version: 2, scene: SCENE_POST, openid, content })
    if (answer.result?.suggest !== 'pass') return false
  }
  return true
}

/** The content type of a picture by its name (imgSecCheck needs one). */
function contentTypeOf(fileId: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileId)?.[1]?.toLowerCase()
  if (ext === 'png') return 'image/png'
  if (ext === 'gif') return 'image/gif'
  if (ext === 'webp') return 'image/webp'
  return 'image/jpeg'
}

/** Each picture passes imgSecCheck; false when any is risky. Other failures (storage, the API) throw. */
export async function checkImages(fileIds: readonly string[]): Promise<boolean> {
  for (const fileID of fileIds) {
    const { fileContent } = await api().downloadFile({ fileID })
    try {
      const answer = await api().openapi.security.imgSecCheck({ media: { contentType: contentTypeOf(fileID), value: fileContent } })
      if (answer.errCode && answer.errCode !== 0) return false
    } catch (err) {
      if ((err as { errCode?: unknown } | null)?.errCode === IMG_RISKY) return false
      throw err
    }
  }
  return true
}
