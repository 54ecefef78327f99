// An activity's 小程序码 (the poster's code that opens the activity page), public reads:
//  - wxacode: made once by WeChat (cloud.openapi.wxacode.getUnlimited), uploaded to cloud storage
//    under a path fixed by the activity, and its fileID kept in `wxacodes`; later calls read it back
//    and make nothing. A call that dies after the upload leaves a file the next call overwrites.
//  - activityOfScene: activity.get's fallback for the activity page opened by scanning the code, which
//    passes the `scene` WeChat hands it as the id.
// The scene is `a_` and a 16-character code of the activity id (ids run to 64 characters, a scene
// to 32), id-shaped so activity.get takes it; `wxacodes` maps the code back, by _id.
import { createHash } from 'node:crypto'
import { DomainError } from '@shared/errors'
import { getCloud } from '../../_core/cloud'
import { COLLECTIONS, type ActivityDoc, type WxacodeDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { isDuplicateKey } from '../../_core/write'

/** The page the code opens (no leading '/', as getUnlimited wants it). */
export const WXACODE_PAGE = 'pages/activity/index'
/** The storage folder of the codes. */
export const WXACODE_FOLDER = 'wxacode'
/** Which version of the mini-program the code opens. */
const ENV_VERSION = 'release'

interface WxacodeApi {
  openapi: {
    wxacode: {
      getUnlimited(data: {
        scene: string
        page: string
        check_path: boolean
        env_version: 'release' | 'trial' | 'develop'
        width: number
      }): Promise<{ contentType?: string; buffer?: Buffer }>
    }
  }
  uploadFile(data: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
}

const api = () => getCloud() as unknown as WxacodeApi

/** The 16-character code (base 36) of an activity id. */
export function codeOf(activityId: string): string {
  const digest = createHash('sha256').update(activityId, 'utf8').digest()
  return BigInt(`0x${digest.subarray(0, 12).toString('hex')}`)
    .toString(36)
    .padStart(16, '0')
    .slice(-16)
}

/** The scene of an activity's code (at most 32 characters). */
export const sceneOf = (activityId: string) => `a_${codeOf(activityId)}`

const SCENE = /^a_([0-9a-z]{16})$/

async function readCode(ctx: ActionContext, code: string): Promise<WxacodeDoc | undefined> {
  const [doc] = await readDocs<WxacodeDoc>(ctx.db.collection(COLLECTIONS.wxacodes).where({ _id: code }).limit(1))
  return doc
}

export async function wxacode(ctx: ActionContext, input: { id: string }) {
  const [activity] = await readDocs<ActivityDoc>(ctx.db.collection(COLLECTIONS.activities).where({ _id: input.id }).limit(1))
  if (!activity || activity.status === 'draft') throw new DomainError('ACTIVITY_NOT_FOUND')
  const code = codeOf(input.id)
  const scene = sceneOf(input.id)
  const kept = await readCode(ctx, code)
  if (kept) return { fileId: kept.fileId, scene }

  let picture: Buffer
  try {
    const answer = await api().openapi.wxacode.getUnlimited({
      scene,
      page: WXACODE_PAGE,
      check_path: false,
      env_version: ENV_VERSION,
      width: 430,
    })
    if (!answer.buffer || answer.buffer.length === 0) throw new Error('wxacode.getUnlimited answered no picture')
    picture = Buffer.from(answer.buffer)
  } catch (err) {
    // WeChat's refusal (errCode) reaches the caller as INTERNAL; the reason is in the log.
    console.error(`[activity.wxacode] ${ctx.requestId} getUnlimited failed`, err)
    throw err
  }
  const { fileID } = await api().uploadFile({ cloudPath: `${WXACODE_FOLDER}/${code}.png`, fileContent: picture })
  const doc: WxacodeDoc = { _id: code, activityId: input.id, scene, fileId: fileID, createdAt: new Date(ctx.now()) }
  try {
    await ctx.db.collection(COLLECTIONS.wxacodes).add({ data: doc })
  } catch (err) {
    // Another call made it first (the same path, so the same picture): answer theirs.
    if (!isDuplicateKey(err)) throw err
    const theirs = await readCode(ctx, code)
    if (theirs) return { fileId: theirs.fileId, scene }
    throw err
  }
  return { fileId: fileID, scene }
}

/** The activity id a scene (`a_<code>`) maps to, or null when it is not one or maps to none. */
export async function activityOfScene(ctx: ActionContext, scene: string): Promise<string | null> {
  const m = SCENE.exec(scene)
  const doc = m ? await readCode(ctx, m[1]) : undefined
  return doc?.activityId ?? null
}
