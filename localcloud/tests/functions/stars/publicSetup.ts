// Shared set-up of the stars function's public side (gallery, entry, likes, votes, export): a test
// week with nominations written straight into the database, and calls on an injected clock.
import { createFunction } from '../../../../cloudfunctions/_core/handler'
import { starsActions } from '../../../../cloudfunctions/stars/src/index'
import { runAsCaller } from '../../../gateway/wx-context'
import type { ActionName, AnswerOf, InputOf, TestCloud } from '../../harness'

let clock = Date.now()
const clocked = createFunction('stars', starsActions, { now: () => clock, publicActions: ['gallery', 'entry'] })

/** A stars call as `openid` ('' for a visitor) with the function's clock at `now`. */
export const callAt = <A extends ActionName<'stars'>>(now: number, openid: string, action: A, input: InputOf<'stars', A>) => {
  clock = now
  return runAsCaller({ openid }, () => clocked({ action, input }, { request_id: 'stars-test' })) as Promise<AnswerOf<'stars', A>>
}

let seq = 0

export interface NominationSeed {
  id?: string
  weekId: string
  kind?: 'star' | 'project'
  districtCode?: string
  districtName?: string
  name?: string
  unitName?: string | null
  status?: 'draft' | 'nominated' | 'recommended' | 'declined' | 'selected' | 'published'
  hidden?: boolean
  honours?: { level: 'national' | 'province' | 'city' | 'district'; by: string; year: number; at: Date }[]
  likes?: number
  votes?: number
  createdAt?: Date
}

/** A nomination document as the workflow leaves it (a published one with a 市级 honour by default). */
export function nominationDoc(s: NominationSeed) {
  const n = seq++
  const createdAt = s.createdAt ?? new Date(Date.UTC(2026, 0, 1) + n * 60_000)
  const status = s.status ?? 'published'
  return {
    _id: s.id ?? `nom${n.toString().padStart(4, '0')}`,
    weekId: s.weekId,
    kind: s.kind ?? 'star',
    districtCode: s.districtCode ?? 'east',
    districtName: s.districtName ?? (s.districtCode === 'west' ? '西区' : '东区'),
    cityCode: null,
    name: s.name ?? `学习者${n}`,
    unitName: s.unitName === undefined ? '东区社区学校' : s.unitName,
    story: '坚持学习二十年，带动社区居民一起读书、学书法、学用智能手机，帮助老人跨越数字鸿沟。',
    photos: ['cloud://env-test.7465-env-test/stars/a.jpg'],
    videoUrl: null,
    nominator: { kind: 'organiser', openid: 'dev-organiser', name: '推荐人', phone: '13800000000' },
    nomineeConsentAt: createdAt,
    status,
    hidden: s.hidden ?? false,
    reason: status === 'declined' ? '材料不足' : null,
    honours: s.honours ?? (status === 'published' ? [{ level: 'city', by: '测试市教育局', year: 2026, at: createdAt }] : []),
    placeOf: null,
    recorded: false,
    likes: s.likes ?? 0,
    votes: s.votes ?? 0,
    checkedAt: createdAt,
    history: [{ action: 'save', at: createdAt, by: '东区 organiser', byOpenid: 'dev-organiser', reason: null }],
    createdAt,
    updatedAt: createdAt,
  }
}

/** Writes nominations straight into the database; answers their ids. */
export async function addNominations(cloud: TestCloud, seeds: NominationSeed[]): Promise<string[]> {
  const db: any = cloud.sdkDb
  const docs = seeds.map(nominationDoc)
  for (const doc of docs) await db.collection('nominations').add({ data: doc })
  return docs.map((d) => d._id)
}

/**
 * Sets the week's vote phase (the settings the workflow's settings.set writes), replacing `stars`
 * whole as settings.set does: a plain nested object would be sent as the paths stars.vote.opensOn
 * and stars.vote.closesOn, which the database refuses under a vote that is null.
 */
export async function setVote(cloud: TestCloud, weekId: string, vote: { opensOn: string; closesOn: string } | null) {
  const db: any = cloud.sdkDb
  await db
    .collection('weeks')
    .doc(weekId)
    .update({ data: { stars: db.command.set({ selfNomination: false, vote }) } })
}

/** An entry's stored likes and votes with its like and vote records. */
export async function countsOf(cloud: TestCloud, id: string) {
  const db: any = cloud.sdkDb
  const [{ data: nom }, likes, votes] = await Promise.all([
    db.collection('nominations').doc(id).get(),
    db.collection('starLikes').where({ entryId: id }).count(),
    db.collection('starVotes').where({ entryId: id }).count(),
  ])
  return {
    likes: nom.likes,
    likeDocs: likes.total,
    votes: nom.votes,
    voteDocs: votes.total,
    pending: Object.keys(nom.pending ?? {}).length,
  }
}
