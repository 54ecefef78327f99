// The deploy tests' inputs: a recorded environment (recorded-environment.json) and a small,
// fixed description to plan it against, so the exact plan does not move when config/environment.ts
// grows. Tests of the real description check properties (nothing left after applying) instead.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { EnvironmentSpec } from '../../../config/environment'
import { parseObserved, type ObservedEnvironment } from '../../deploy/observed'

export const RECORDED_PATH = path.join(__dirname, 'recorded-environment.json')

export function recorded(): ObservedEnvironment {
  return parseObserved(readFileSync(RECORDED_PATH, 'utf8'), RECORDED_PATH)
}

const closed = { read: false, write: false } as const
const asc = (...fields: string[]): [string, 1][] => fields.map((f) => [f, 1])

export const fixtureSpec: EnvironmentSpec = {
  collections: [
    { name: 'weeks', holds: 'weeks', rule: closed, indexes: [] },
    {
      name: 'activities',
      holds: 'activities',
      rule: { read: "doc.status == 'published' || doc.status == 'cancelled'", write: false },
      indexes: [
        { name: 'weekId_districtCode_startAt', fields: asc('weekId', 'districtCode', 'startAt') },
        { name: 'touchedAt', fields: asc('touchedAt') },
      ],
    },
    {
      name: 'registrations',
      holds: 'sign-ups',
      rule: closed,
      indexes: [
        { name: 'activityId_status_waitKey', fields: asc('activityId', 'status', 'waitKey') },
        { name: 'personId', fields: asc('personId') },
        { name: 'openid_startAt', fields: asc('openid', 'startAt') },
        { name: 'openid_endAt', fields: asc('openid', 'endAt') },
        { name: 'activityId_ticketId', fields: asc('activityId', 'ticketId') },
        { name: 'op', fields: asc('op') },
      ],
    },
    { name: 'outbox', holds: 'notices', rule: closed, indexes: [{ name: 'recipient_createdAt', fields: asc('recipient', 'createdAt') }] },
    { name: 'checkins', holds: 'check-ins', rule: closed, indexes: [{ name: 'activityId', fields: asc('activityId') }] },
  ],
  functions: [
    { name: 'activity', timeout: 20, memory: 256, triggers: [], env: {} },
    { name: 'signup', timeout: 10, memory: 256, triggers: [], env: {} },
    { name: 'checkin', timeout: 10, memory: 256, triggers: [], env: { MODE: { value: 'door', purpose: 'a set value' } } },
    { name: 'stats', timeout: 20, memory: 256, triggers: [], env: {} },
    { name: 'staff', timeout: 10, memory: 256, triggers: [], env: { SETUP_CODE: { generated: true, purpose: 'the first admin' } } },
    { name: 'repair', timeout: 20, memory: 256, triggers: [{ name: 'repair', cron: '0 * * * * * *' }], env: {} },
  ],
}

/** A deterministic stand-in for the random secret. */
export const fixedSecret = (fn: string, name: string) => `${fn}-${name}-SECRET`
