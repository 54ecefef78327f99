// activity.wxacode (src/wxacode.ts), bundled as uploaded, through the real wx-server-sdk against the
// local cloud: the 小程序码 is made by the getUnlimited stand-in once per activity, uploaded to cloud
// storage with cloud.uploadFile and its fileID kept; its scene (≤ 32) opens the activity (activity.get).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { startTestCloud, type TestCloud } from '../../harness'
import { sceneOf } from '../../../../cloudfunctions/activity/src/wxacode'
import { readQrPng } from '../../pngQr'
import { allDocs, createActivity, createTestWeek, type TestWeek } from '../fixtures'

let cloud: TestCloud
let week: TestWeek
beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
}, 60_000)
afterAll(async () => {
  await cloud.stop()
})

/** The stored file of a local fileID (`cloud://localcloud/<path>`). */
const storedFile = (fileId: string) => path.join(cloud.dataDir, 'storage', ...fileId.replace(/^cloud:\/\/[^/]+\//, '').split('/'))

describe('activity.wxacode', () => {
  test('answers a fileID in cloud storage holding a PNG QR of the h5 activity page with the scene', async () => {
    const id = await createActivity(cloud, week)
    const res = await cloud.call('activity', 'wxacode', { id }, 'dev-resident')
    if (!res.ok) throw new Error(JSON.stringify(res))
    expect(res.data.fileId).toMatch(/^cloud:\/\/localcloud\/wxacode\/[0-9a-z]{16}\.png$/)
    const file = storedFile(res.data.fileId)
    expect(existsSync(file)).toBe(true)
    expect(readQrPng(readFileSync(file))).toBe(`${cloud.gateway.url}/#/pages/activity/index?scene=${res.data.scene}`)
  })

  test('the scene is at most 32 characters, even for an id of 64', async () => {
    const id = await createActivity(cloud, week, { start: '10:00' })
    const res = await cloud.call('activity', 'wxacode', { id }, 'dev-resident')
    if (!res.ok) throw new Error(JSON.stringify(res))
    expect(res.data.scene).toBe(sceneOf(id))
    expect(res.data.scene.length).toBeLessThanOrEqual(32)
    expect(sceneOf('x'.repeat(64)).length).toBeLessThanOrEqual(32)
  })

  test('two activities get two scenes', () => {
    expect(sceneOf('nc2026-donghu-a1')).not.toBe(sceneOf('nc2026-donghu-a2'))
  })

  test('the scene given to activity.get as the id opens the activity', async () => {
    const id = await createActivity(cloud, week, { start: '11:00' })
    const made = await cloud.call('activity', 'wxacode', { id }, 'dev-resident')
    if (!made.ok) throw new Error(JSON.stringify(made))
    const res = await cloud.call('activity', 'get', { id: made.data.scene }, 'dev-senior')
    expect(res.ok && res.data.activity.id).toBe(id)
  })

  test('a second call makes nothing: no cloud call, no upload, no write, the same fileID', async () => {
    const id = await createActivity(cloud, week, { start: '13:00' })
    const first = await cloud.call('activity', 'wxacode', { id }, 'dev-resident')
    cloud.db.resetStats()
    const writesBefore = cloud.db.documentWrites()
    const second = await cloud.call('activity', 'wxacode', { id }, 'dev-senior')
    expect(second).toEqual(first)
    expect(cloud.db.documentWrites()).toBe(writesBefore)
    const byAction = cloud.db.stats().byAction
    expect(byAction['wx.openApi'] ?? 0).toBe(0)
    expect(byAction['storage.getUploadMetadata'] ?? 0).toBe(0)
  })

  test('the first call keeps one wxacodes document for the activity', async () => {
    const id = await createActivity(cloud, week, { start: '14:00' })
    const res = await cloud.call('activity', 'wxacode', { id }, 'dev-resident')
    await cloud.call('activity', 'wxacode', { id }, 'dev-resident')
    if (!res.ok) throw new Error(JSON.stringify(res))
    const docs = await allDocs(cloud, 'wxacodes', { activityId: id })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ activityId: id, scene: res.data.scene, fileId: res.data.fileId })
  })

  test('a visitor without identity gets the code (a public read)', async () => {
    const id = await createActivity(cloud, week, { start: '15:00' })
    const res = await cloud.call('activity', 'wxacode', { id }, '')
    expect(res.ok).toBe(true)
  })

  test('an unknown activity: ACTIVITY_NOT_FOUND, nothing made', async () => {
    cloud.db.resetStats()
    const res = await cloud.call('activity', 'wxacode', { id: 'no-such-activity' }, 'dev-resident')
    expect(res).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOUND' })
    expect(cloud.db.stats().byAction['wx.openApi'] ?? 0).toBe(0)
  })

  test('a draft: ACTIVITY_NOT_FOUND, nothing made', async () => {
    const id = await createActivity(cloud, week, { publish: false, start: '16:00' })
    const res = await cloud.call('activity', 'wxacode', { id }, 'dev-resident')
    expect(res).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOUND' })
    expect(await allDocs(cloud, 'wxacodes', { activityId: id })).toHaveLength(0)
  })

  test('an unknown scene given to activity.get: ACTIVITY_NOT_FOUND', async () => {
    const res = await cloud.call('activity', 'get', { id: 'a_0000000000000000' }, 'dev-resident')
    expect(res).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOUND' })
  })

  test('an id that is not a valid id: VALIDATION_FAILED (the contract)', async () => {
    const res = await cloud.callRaw('activity', 'wxacode', { id: 'a=b c' }, 'dev-resident')
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
  })
})
