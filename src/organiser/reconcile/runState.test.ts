import { CloudError } from '@/services/cloudError'
import { answered, cancelled, canResume, failed, resumed, started } from './runState'

const diff = (id: string) => ({ scope: 'activity' as const, id, name: id, field: 'attendance.checkedIn', stored: 2, recounted: 1 })

test('answers add their differences and move the progress until the cursor is null', () => {
  let s = answered(started(), { differences: [diff('a1')], cursor: 'c1', progress: { done: 3, total: 10 } })
  expect(s).toMatchObject({ status: 'running', cursor: 'c1', progress: { done: 3, total: 10 } })
  s = answered(s, { differences: [diff('a2')], cursor: null, progress: { done: 10, total: 10 } })
  expect(s.status).toBe('done')
  expect(s.differences.map((d) => d.id)).toEqual(['a1', 'a2'])
})

test('progress never goes back', () => {
  const s = answered(answered(started(), { differences: [], cursor: 'c2', progress: { done: 6, total: 10 } }), {
    differences: [],
    cursor: 'c3',
    progress: { done: 4, total: 10 },
  })
  expect(s.progress).toEqual({ done: 6, total: 10 })
})

test('a failure keeps the last cursor and what was found, and resuming continues from there', () => {
  const s = failed(
    answered(started(), { differences: [diff('a1')], cursor: 'c1', progress: { done: 1, total: 4 } }),
    new CloudError('NETWORK'),
  )
  expect(s).toMatchObject({ status: 'error', cursor: 'c1' })
  expect(canResume(s)).toBe(true)
  expect(resumed(s)).toMatchObject({ status: 'running', cursor: 'c1', error: null, differences: [diff('a1')] })
})

test('a refused cursor cannot be resumed; a cancel stops a running run only', () => {
  const s = failed(answered(started(), { differences: [], cursor: 'c1', progress: { done: 1, total: 4 } }), new CloudError('BAD_CURSOR'))
  expect(canResume(s)).toBe(false)
  expect(cancelled(s).status).toBe('error')
  expect(cancelled(started()).status).toBe('cancelled')
})
