// The content check through the real wx-server-sdk calls (cloud.downloadFile, security.imgSecCheck,
// security.msgSecCheck) answered by the local cloud: a flagged picture or text refuses nominate with
// CONTENT_FLAGGED and nothing changes; clean ones pass.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { FLAGGED_IMAGE_MARKER } from '../../../db/securityWords'
import { startTestCloud, type InputOf, type TestCloud } from '../../harness'
import { expectRefusedWithoutWrites } from '../fixtures'
import { ORG, starsWeek } from './starsFixtures'

let cloud: TestCloud
const W = `sc${Date.now().toString(36)}`
const CLEAN = 'cloud://localcloud/stars/clean.jpg'
const FLAGGED = 'cloud://localcloud/stars/flagged.jpg'

beforeAll(async () => {
  cloud = await startTestCloud()
  await starsWeek(cloud, W)
  const dir = path.join(cloud.dataDir, 'storage', 'stars')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'clean.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))
  writeFileSync(path.join(dir, 'flagged.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(FLAGGED_IMAGE_MARKER)]))
})
afterAll(async () => {
  await cloud.stop()
})

const draft = (
  photos: string[],
  story = '他坚持在社区学习中心学习十年，还组织了邻里读书会，带动很多老人学习。',
): InputOf<'stars', 'save'> => ({
  weekId: W,
  kind: 'star',
  districtCode: 'a1',
  name: '张建国',
  story,
  photos,
  contactName: '李组织',
  contactPhone: '13800000000',
  nomineeConsent: true,
})

async function saved(photos: string[], story?: string): Promise<string> {
  const res = await cloud.call('stars', 'save', draft(photos, story), ORG.a1)
  if (!res.ok) throw new Error(JSON.stringify(res))
  return res.data.nomination.id
}

test('a flagged photo: CONTENT_FLAGGED, nothing written, still a draft', async () => {
  const id = await saved([CLEAN, FLAGGED])
  await expectRefusedWithoutWrites(cloud, 'CONTENT_FLAGGED', () => cloud.call('stars', 'nominate', { id }, ORG.a1))
  const doc = (await (cloud.sdkDb as any).collection('nominations').doc(id).get()).data
  expect(doc).toMatchObject({ status: 'draft', checkedAt: null })
})

test('a flagged text: CONTENT_FLAGGED, nothing written, still a draft', async () => {
  const id = await saved([CLEAN], '他坚持在社区学习中心学习十年，还组织了邻里读书会，违规测试词。')
  await expectRefusedWithoutWrites(cloud, 'CONTENT_FLAGGED', () => cloud.call('stars', 'nominate', { id }, ORG.a1))
  expect((await (cloud.sdkDb as any).collection('nominations').doc(id).get()).data.status).toBe('draft')
})

test('clean text and photos pass: nominated, checkedAt recorded', async () => {
  const id = await saved([CLEAN])
  const res = await cloud.call('stars', 'nominate', { id }, ORG.a1)
  expect(res).toMatchObject({ ok: true, data: { nomination: { status: 'nominated' } } })
  expect((await (cloud.sdkDb as any).collection('nominations').doc(id).get()).data.checkedAt).not.toBeNull()
})
