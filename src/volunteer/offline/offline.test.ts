import { ed25519 } from '@noble/curves/ed25519'
import type { RosterActivity } from '@shared/contracts/checkin'
import { publicKeyOf, signTicket } from '@shared/domain/ticket'
import { checkInOffline, readRoster, saveRoster, type SavedRoster } from './offline'
import { memoryKV, readQueue } from './queue'

const key = ed25519.utils.randomPrivateKey()
const otherKey = ed25519.utils.randomPrivateKey()
const NOW = 1_764_000_000_000

function roster(): SavedRoster {
  const activity: RosterActivity = {
    id: 'act1',
    weekId: 'w1',
    title: 't',
    districtName: 'd',
    venueName: null,
    startAt: NOW,
    endAt: NOW + 3600_000,
    status: 'published',
    checkinOpensAt: NOW - 3600_000,
    checkinClosesAt: NOW + 3600_000,
    counts: { registered: 3, checkedIn: 1, walkIns: 0, walkInHeadcount: 0, participants: 1, capacity: 10 },
    entries: [
      {
        registrationId: 'act1_u1',
        ticketId: 'tk000001',
        name: '张*华',
        phoneTail: '1234',
        proxy: false,
        status: 'confirmed',
        checkedIn: null,
      },
      { registrationId: 'act1_u2', ticketId: 'tk000002', name: '李*', phoneTail: null, proxy: true, status: 'cancelled', checkedIn: null },
      {
        registrationId: 'act1_u3',
        ticketId: 'tk000003',
        name: '王*兰',
        phoneTail: null,
        proxy: true,
        status: 'confirmed',
        checkedIn: { checkedInAt: NOW - 60_000, byName: '赵*', offline: false },
      },
    ],
  }
  return { activity, publicKey: publicKeyOf(key), generatedAt: NOW - 7200_000 }
}

const tok = (ticketId: string, activityId = 'act1', k = key) => signTicket({ activityId, ticketId }, k)

describe('checkInOffline', () => {
  it('accepts a signed ticket in the roster once, queues it, then says already', () => {
    const kv = memoryKV()
    saveRoster(kv, roster())
    const saved = readRoster(kv, 'act1')!
    const first = checkInOffline(kv, saved, 'act1', tok('tk000001'), NOW)
    expect(first).toMatchObject({ result: 'ok', maskedName: '张*华', proxy: false, registrationId: 'act1_u1' })
    expect(readQueue(kv)).toHaveLength(1)
    expect(checkInOffline(kv, saved, 'act1', tok('tk000001'), NOW + 1000)).toMatchObject({ result: 'already', checkedInAt: NOW })
    expect(readQueue(kv)).toHaveLength(1)
  })

  it('rejects forged, other-key, other-activity, cancelled and out-of-window tickets without queueing', () => {
    const kv = memoryKV()
    const saved = roster()
    const good = tok('tk000001')
    const tampered = good.slice(0, -2) + (good.endsWith('AA') ? 'BA' : 'AA')
    expect(checkInOffline(kv, saved, 'act1', tampered, NOW)).toEqual({ result: 'rejected', code: 'TOKEN_INVALID' })
    expect(checkInOffline(kv, saved, 'act1', tok('tk000001', 'act1', otherKey), NOW)).toEqual({ result: 'rejected', code: 'TOKEN_INVALID' })
    expect(checkInOffline(kv, saved, 'act1', tok('tk000001', 'act2'), NOW)).toEqual({ result: 'rejected', code: 'WRONG_ACTIVITY' })
    expect(checkInOffline(kv, saved, 'act1', tok('tk000002'), NOW)).toEqual({ result: 'rejected', code: 'REGISTRATION_CANCELLED' })
    expect(checkInOffline(kv, saved, 'act1', good, NOW + 2 * 3600_000)).toEqual({ result: 'rejected', code: 'OUTSIDE_WINDOW' })
    expect(readQueue(kv)).toEqual([])
  })

  it('says already for someone checked in before the download', () => {
    expect(checkInOffline(memoryKV(), roster(), 'act1', tok('tk000003'), NOW)).toMatchObject({ result: 'already', byName: '赵*' })
  })

  it('accepts a genuine ticket missing from the roster, queued for the sync to settle', () => {
    const kv = memoryKV()
    expect(checkInOffline(kv, roster(), 'act1', tok('tk999999'), NOW)).toMatchObject({ result: 'ok', inRoster: false })
    expect(readQueue(kv)[0].registrationId).toBe('ticket:tk999999')
  })
})
