// The seeded week is dated 2026: browser tests that sign up move their activities ahead first.
import type { LocalCloud } from '../local-cloud'

const DAY = 24 * 3_600_000

/**
 * Moves the activities by whole days, together, until their sign-up is still open the day after
 * tomorrow (their times of day and their overlap stay), so a file passes on any date. A no-op
 * while they are ahead.
 */
export async function keepAhead(cloud: Pick<LocalCloud, 'sdkDb'>, ids: string[]): Promise<void> {
  const col = cloud.sdkDb.collection('activities')
  const docs = await Promise.all(ids.map(async (id) => ((await col.doc(id).get()) as unknown as { data: Record<string, any> }).data))
  const ms = (d: unknown) => new Date(d as string).getTime()
  const now = Date.now()
  const earliestClose = Math.min(...docs.map((d) => ms(d.signup.closesAt)))
  const days = Math.max(0, Math.ceil((now + 2 * DAY - earliestClose) / DAY))
  if (days === 0) return
  const shift = (d: unknown) => new Date(ms(d) + days * DAY)
  for (const d of docs) {
    await col.doc(d._id).update({
      data: {
        startAt: shift(d.startAt),
        endAt: shift(d.endAt),
        'signup.opensAt': new Date(Math.min(ms(d.signup.opensAt) + days * DAY, now - 3_600_000)),
        'signup.closesAt': shift(d.signup.closesAt),
        'signup.cancelDeadline': shift(d.signup.cancelDeadline),
      },
    })
  }
}
