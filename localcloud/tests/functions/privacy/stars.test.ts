// Personal data of 百姓学习之星 and 终身学习品牌项目: a resident who nominated themself, liked and voted
// deletes their data (privacy.erase): the self-nomination leaves the gallery (hidden, as an organiser
// hides one) with its name, story, photos and contact gone, still counted as nominated and selected; the likes and votes records go
// while the entries' counts stay; an organiser's nominations of others keep the nominee but lose the
// organiser's contact. The week's retention clears every nominator's contact and the nominees never
// published, and keeps the published ones.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runRetention } from '../../../../cloudfunctions/privacy/src/retention'
import { ANONYMOUS_NAME, ERASED_OPENID, REDACTED_TEXT, retentionDate } from '../../../../src/shared/domain/privacy'
import { shanghaiDayRange } from '../../../../src/shared/domain/time'
import { startTestCloud, type TestCloud } from '../../harness'
import { ADMIN, ORGANISER, allDocs, createTestWeek, dayFromToday, type TestWeek } from '../fixtures'
import { addNominations, setVote } from '../stars/publicSetup'
import { collectionsHolding, consent, must } from './setup'

let cloud: TestCloud
let week: TestWeek

const RESIDENT = 'stars-privacy-resident'
const SELF = { name: '自荐人张学海', phone: '13911112222', story: '退休后自学书法十五年，在社区开办免费书法班教邻居写字' }
const ORGANISER_CONTACT = { name: '东区推荐人', phone: '13733334444' }

const nomination = async (id: string) => (await allDocs(cloud, 'nominations', { _id: id }))[0]

/** A photo in the local cloud's storage: its fileID, and whether the file is still there. */
function storedPhoto(name: string) {
  const file = path.join(cloud.dataDir, 'storage', 'stars', name)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))
  return { fileID: `cloud://localcloud/stars/${name}`, exists: () => existsSync(file) }
}

beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
  await cloud.sdkDb
    .collection('weeks')
    .doc(week.id)
    .update({ data: { stars: { selfNomination: true, vote: null } } })
}, 60_000)
afterAll(() => cloud.stop())

/** The resident's own nomination, saved and handed in through the actions, then published as the workflow would. */
async function selfNomination(openid: string, photo: string): Promise<string> {
  await consent(cloud, openid)
  const input = {
    weekId: week.id,
    kind: 'star',
    districtCode: 'east',
    name: SELF.name,
    story: SELF.story,
    photos: [photo],
    contactName: SELF.name,
    contactPhone: SELF.phone,
    nomineeConsent: true,
  }
  const { nomination: saved } = await must(cloud, 'stars', 'save', input, openid)
  await must(cloud, 'stars', 'nominate', { id: saved.id }, openid)
  await cloud.sdkDb
    .collection('nominations')
    .doc(saved.id)
    .update({ data: { status: 'published', honours: [{ level: 'district', by: '东区教育局', year: 2026, at: new Date() }] } })
  return saved.id
}

describe('a resident who nominated themself, liked and voted deletes their data', () => {
  let selfId: string
  let liked: string
  let voted: string
  let organiserEntry: string
  let honoursBefore: unknown
  const photo = () => storedPhoto('self.jpg')
  let photoExists: () => boolean

  beforeAll(async () => {
    const p = photo()
    photoExists = p.exists
    selfId = await selfNomination(RESIDENT, p.fileID)
    ;[liked, voted] = await addNominations(cloud, [{ weekId: week.id }, { weekId: week.id, status: 'recommended' }])
    const today = dayFromToday(0)
    await setVote(cloud, week.id, { opensOn: today, closesOn: today })
    expect(await must(cloud, 'stars', 'like', { id: liked }, RESIDENT)).toMatchObject({ counted: true, likes: 1 })
    expect(await must(cloud, 'stars', 'like', { id: selfId }, RESIDENT)).toMatchObject({ counted: true, likes: 1 })
    expect(await must(cloud, 'stars', 'vote', { id: voted }, RESIDENT)).toMatchObject({ counted: true, votes: 1 })
    const { nomination: byOrganiser } = await must(
      cloud,
      'stars',
      'save',
      {
        weekId: week.id,
        kind: 'project',
        districtCode: 'east',
        name: '社区书香驿站',
        unitName: '东区图书馆',
        story: '驿站每周开放五天，组织亲子共读和老年读书会。',
        contactName: ORGANISER_CONTACT.name,
        contactPhone: ORGANISER_CONTACT.phone,
      },
      ORGANISER,
    )
    organiserEntry = byOrganiser.id
    honoursBefore = (await must(cloud, 'stats', 'dashboard', { weekId: week.id }, ADMIN)).honours
    expect(await must(cloud, 'privacy', 'mine', {}, RESIDENT)).toMatchObject({
      nominations: [{ id: selfId, self: true, contactName: SELF.name, contactPhone: SELF.phone, status: 'published' }],
      starLikes: 3,
    })
    expect(await must(cloud, 'privacy', 'erase', { confirm: true }, RESIDENT)).toMatchObject({ done: true })
  }, 60_000)

  test('the self-nomination is hidden, its name, story, photos, contact and history gone, its status and honour kept', async () => {
    expect(await nomination(selfId)).toMatchObject({
      name: ANONYMOUS_NAME,
      story: REDACTED_TEXT,
      photos: [],
      videoUrl: null,
      hidden: true,
      history: [],
      status: 'published',
      honours: [{ level: 'district' }],
      nominator: { kind: 'self', openid: ERASED_OPENID, name: ANONYMOUS_NAME, phone: '' },
    })
  })

  test('the photo is removed from storage', () => {
    expect(photoExists()).toBe(false)
  })

  test('no collection holds the resident’s name, phone or story', async () => {
    expect(await collectionsHolding(cloud, [SELF.name, SELF.phone, SELF.story.slice(0, 8)])).toEqual([])
  })

  test('the gallery no longer shows it, nor can anyone open it', async () => {
    const gallery = await must(cloud, 'stars', 'gallery', { weekId: week.id }, 'another-resident')
    expect(gallery.items.map((i: { id: string }) => i.id)).not.toContain(selfId)
    expect(await cloud.call('stars', 'entry', { id: selfId }, 'another-resident')).toMatchObject({ ok: false })
  })

  test('the likes and votes records are gone while the entries keep their counts', async () => {
    expect(await allDocs(cloud, 'starLikes', { openid: RESIDENT })).toEqual([])
    expect(await allDocs(cloud, 'starVotes', { openid: RESIDENT })).toEqual([])
    expect((await allDocs(cloud, 'starLikes')).filter((l) => l._id.includes(RESIDENT))).toEqual([])
    expect(await nomination(liked)).toMatchObject({ likes: 1 })
    expect(await nomination(voted)).toMatchObject({ votes: 1 })
  })

  test('我的信息 and the stars list of the account are empty', async () => {
    expect(await must(cloud, 'privacy', 'mine', {}, RESIDENT)).toMatchObject({ nominations: [], starLikes: 0 })
    expect((await must(cloud, 'stars', 'mine', { weekId: week.id }, RESIDENT)).items).toEqual([])
  })

  test('the dashboard still counts it nominated and selected, no longer shown (as a hidden entry)', async () => {
    const before = honoursBefore as Record<string, number>
    const after = (await must(cloud, 'stats', 'dashboard', { weekId: week.id }, ADMIN)).honours
    expect(after).toEqual({ ...before, published: before.published - 1 })
  })

  test('an organiser deleting their data keeps their nominations of others, without the contact they gave', async () => {
    await must(cloud, 'privacy', 'erase', { confirm: true }, ORGANISER)
    expect(await nomination(organiserEntry)).toMatchObject({
      name: '社区书香驿站',
      unitName: '东区图书馆',
      hidden: false,
      nominator: { kind: 'organiser', openid: ERASED_OPENID, name: ANONYMOUS_NAME, phone: '' },
    })
    expect(await collectionsHolding(cloud, [ORGANISER_CONTACT.phone])).toEqual([])
    // The organiser's role stays: they still run the district.
    expect((await allDocs(cloud, 'users', { _id: ORGANISER }))[0].roles.length).toBeGreaterThan(0)
  })
})

describe('the week’s retention', () => {
  let ids: Record<string, string>
  let declinedPhoto: ReturnType<typeof storedPhoto>
  let publishedPhoto: ReturnType<typeof storedPhoto>

  beforeAll(async () => {
    const [published, declined, draft, project] = await addNominations(cloud, [
      { weekId: week.id, name: '入选者李春华' },
      { weekId: week.id, name: '未入选者赵秋实', status: 'declined' },
      { weekId: week.id, name: '草稿者钱冬梅', status: 'draft' },
      { weekId: week.id, kind: 'project', name: '未入选项目夜校', status: 'nominated' },
    ])
    ids = { published, declined, draft, project }
    declinedPhoto = storedPhoto('declined.jpg')
    publishedPhoto = storedPhoto('published.jpg')
    await cloud.sdkDb
      .collection('nominations')
      .doc(declined)
      .update({ data: { photos: [declinedPhoto.fileID] } })
    await cloud.sdkDb
      .collection('nominations')
      .doc(published)
      .update({ data: { photos: [publishedPhoto.fileID] } })
    const w = (await allDocs(cloud, 'weeks', { _id: week.id }))[0]
    const at = shanghaiDayRange(retentionDate(w.summaryDeadline, w.retentionDays ?? undefined)).start + 3_600_000
    const run = await runRetention(cloud.sdkDb as never, at)
    expect(run.weeks.find((r) => r.weekId === week.id)).toMatchObject({ done: true })
  }, 60_000)

  test('a published star keeps its name, story and photos; its nominator’s contact goes', async () => {
    expect(await nomination(ids.published)).toMatchObject({
      name: '入选者李春华',
      story: expect.stringContaining('坚持学习二十年'),
      photos: [publishedPhoto.fileID],
      nominator: { name: ANONYMOUS_NAME, phone: '' },
    })
  })

  test('a star declined or left a draft loses its name, story and photos', async () => {
    for (const id of [ids.declined, ids.draft]) {
      expect(await nomination(id)).toMatchObject({ name: ANONYMOUS_NAME, story: REDACTED_TEXT, photos: [], nominator: { phone: '' } })
    }
    expect(await collectionsHolding(cloud, ['未入选者赵秋实', '草稿者钱冬梅'])).toEqual([])
  })

  test('the declined star’s photo is removed from storage; the published star’s stays', () => {
    expect(declinedPhoto.exists()).toBe(false)
    expect(publishedPhoto.exists()).toBe(true)
  })

  test('a project keeps its name (a unit’s, not a person’s); only the contact goes', async () => {
    expect(await nomination(ids.project)).toMatchObject({ name: '未入选项目夜校', nominator: { name: ANONYMOUS_NAME, phone: '' } })
  })

  test('no nominator’s phone is left in the week', async () => {
    const phones = (await allDocs(cloud, 'nominations', { weekId: week.id })).map((n) => n.nominator.phone)
    expect(phones.every((p) => p === '')).toBe(true)
  })
})
