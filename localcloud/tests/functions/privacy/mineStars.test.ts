// privacy.mine and privacy.export (我的信息) for 百姓学习之星 / 终身学习品牌项目: the nominations the
// caller made (a resident's self-nomination, an organiser's for their district) with the contact
// they gave, and how many likes and votes they gave; nothing of another account's.
import { ADMIN, createTestWeek, dayFromToday, ORGANISER, type TestWeek } from '../fixtures'
import { startTestCloud, type TestCloud } from '../../harness'
import { addNominations, setVote } from '../stars/publicSetup'
import { docxText, must, residentWithFamily, unzipAll } from './setup'

let cloud: TestCloud
let week: TestWeek
const SELF = 'priv-star-self'
const OTHER = 'priv-star-other'
const VOTER = 'priv-star-voter'
const STORY = '她坚持在社区老年学校学习十年，带动邻里一起读书学习，还自编教材教老人使用智能手机。'
const ids: Record<string, string> = {}
const mine = (openid: string) => must(cloud, 'privacy', 'mine', {}, openid)

/** A star nominated in 东区 by `openid` (self when a resident) through stars.save and stars.nominate. */
async function nominate(openid: string, name: string, contactName: string, contactPhone: string, kind: 'star' | 'project' = 'star') {
  const input = {
    weekId: week.id,
    kind,
    districtCode: 'east',
    name,
    unitName: kind === 'project' ? '东区社区学校' : null,
    story: STORY,
    contactName,
    contactPhone,
    nomineeConsent: true,
  }
  const { nomination } = await must(cloud, 'stars', 'save', input, openid)
  await must(cloud, 'stars', 'nominate', { id: nomination.id }, openid)
  return nomination.id as string
}

beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
  await must(cloud, 'stars', 'settings.set', { weekId: week.id, selfNomination: true, vote: null }, ADMIN)
  await residentWithFamily(cloud, SELF, '星星甲', '13812345601')
  await residentWithFamily(cloud, OTHER, '星星乙', '13812345602')
  ids.self = await nominate(SELF, '星星甲', '星星甲', '13812345601')
  ids.other = await nominate(OTHER, '星星乙', '星星乙', '13812345602')
  ids.organiser = await nominate(ORGANISER, '东区读书会', '李组织', '13812345603', 'project')
  ;[ids.published] = await addNominations(cloud, [{ weekId: week.id, name: '已公布的星' }])
  const like = await must(cloud, 'stars', 'like', { id: ids.published }, SELF)
  expect(like.counted).toBe(true)
  // A vote phase open today: VOTER likes the published entry and votes for a recommended one.
  await setVote(cloud, week.id, { opensOn: dayFromToday(0), closesOn: dayFromToday(1) })
  ;[ids.recommended] = await addNominations(cloud, [{ weekId: week.id, status: 'recommended', name: '待评选的星' }])
  expect((await must(cloud, 'stars', 'like', { id: ids.published }, VOTER)).counted).toBe(true)
  expect((await must(cloud, 'stars', 'vote', { id: ids.recommended }, VOTER)).counted).toBe(true)
}, 120_000)
afterAll(() => cloud.stop())

describe('privacy.mine: 学习之星推荐', () => {
  test('a self-nomination is listed with its nominee, district, status and the contact the resident gave', async () => {
    const d = await mine(SELF)
    expect(d.nominations).toEqual([
      {
        id: ids.self,
        kind: 'star',
        name: '星星甲',
        districtName: '东区',
        status: 'nominated',
        self: true,
        contactName: '星星甲',
        contactPhone: '13812345601',
        createdAt: expect.any(Number),
      },
    ])
  })

  test('the like the resident gave is counted as starLikes 1', async () => {
    expect((await mine(SELF)).starLikes).toBe(1)
  })

  test('a like and a vote count 2 together', async () => {
    expect((await mine(VOTER)).starLikes).toBe(2)
  })

  test('another account’s nominations and likes never appear', async () => {
    const self = JSON.stringify(await mine(SELF))
    for (const other of [ids.other, '星星乙', '13812345602', ids.organiser, '东区读书会', '李组织']) expect(self).not.toContain(other)
    const d = await mine(OTHER)
    expect(d.nominations.map((n: any) => n.id)).toEqual([ids.other])
    expect(d.starLikes).toBe(0)
  })

  test('an organiser’s nominations for their district are theirs, not self, newest first', async () => {
    // The published and recommended entries were written as dev-organiser's in January 2026 (stars/publicSetup).
    const d = await mine(ORGANISER)
    expect(d.nominations.map((n: any) => n.id)).toEqual([ids.organiser, ids.recommended, ids.published])
    expect(d.nominations[0]).toMatchObject({
      kind: 'project',
      name: '东区读书会',
      status: 'nominated',
      self: false,
      contactName: '李组织',
      contactPhone: '13812345603',
    })
  })
})

describe('privacy.export: 学习之星推荐', () => {
  test('the .docx lists the self-nomination in words with the contact phone masked, and the likes', async () => {
    const text = docxText((await must(cloud, 'privacy', 'export', {}, SELF)).base64)
    expect(text).toContain('学习之星推荐')
    expect(text).toContain(
      '类别：百姓学习之星；被推荐人：星星甲；县区：东区；状态：已推荐至县区；推荐方式：本人自荐；联系人：星星甲；联系电话：138****5601；推荐时间：',
    )
    expect(text).toContain('为学习之星和品牌项目点赞、投票：1 次')
    expect(text).not.toContain('星星乙')
  })

  test('no full contact phone is anywhere in the file', async () => {
    const d = await must(cloud, 'privacy', 'export', {}, SELF)
    expect(unzipAll(Buffer.from(d.base64, 'base64'))).not.toMatch(/1\d{10}/)
  })

  test('an organiser’s project reads 终身学习品牌项目 with its name as 项目 and 由您推荐', async () => {
    const text = docxText((await must(cloud, 'privacy', 'export', {}, ORGANISER)).base64)
    expect(text).toContain('类别：终身学习品牌项目；项目：东区读书会；县区：东区；状态：已推荐至县区；推荐方式：由您推荐')
  })
})
