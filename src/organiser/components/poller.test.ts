import { createPoller } from './poller'

/** A manual clock: timers run only when advanced. */
function fakeTimers() {
  let now = 0
  let next = 1
  const pending = new Map<number, { at: number; fn: () => void }>()
  return {
    now: () => now,
    timers: {
      now: () => now,
      setTimeout: (fn: () => void, ms: number) => {
        const id = next++
        pending.set(id, { at: now + ms, fn })
        return id
      },
      clearTimeout: (h: unknown) => void pending.delete(h as number),
    },
    pendingCount: () => pending.size,
    advance: async (ms: number) => {
      now += ms
      for (const [id, p] of [...pending.entries()].sort((a, b) => a[1].at - b[1].at)) {
        if (p.at <= now) {
          pending.delete(id)
          p.fn()
        }
      }
      await flush()
    },
  }
}
const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

test('asks at start, then every interval timed from the end of the last answer', async () => {
  const clock = fakeTimers()
  let calls = 0
  const data: number[] = []
  const p = createPoller({
    load: async () => ++calls,
    intervalMs: 3000,
    onData: (d) => data.push(d),
    onError: () => undefined,
    timers: clock.timers,
  })
  p.start()
  await flush()
  expect(data).toEqual([1])
  await clock.advance(2999)
  expect(calls).toBe(1)
  await clock.advance(1)
  expect(data).toEqual([1, 2])
  p.stop()
  await clock.advance(10_000)
  expect(calls).toBe(2)
  expect(clock.pendingCount()).toBe(0)
})

test('never two requests at once: a slow answer delays the next ask', async () => {
  const clock = fakeTimers()
  const answers: ReturnType<typeof deferred<number>>[] = []
  let concurrent = 0
  let maxConcurrent = 0
  const p = createPoller({
    load: () => {
      concurrent++
      maxConcurrent = Math.max(maxConcurrent, concurrent)
      const d = deferred<number>()
      answers.push(d)
      return d.promise.finally(() => concurrent--)
    },
    intervalMs: 3000,
    onData: () => undefined,
    onError: () => undefined,
    timers: clock.timers,
  })
  p.start()
  await clock.advance(10_000)
  p.refresh()
  p.refresh()
  expect(answers).toHaveLength(1)
  answers[0].resolve(1)
  await flush()
  // Refreshed while in flight: asked again right after the answer, once.
  expect(answers).toHaveLength(2)
  expect(maxConcurrent).toBe(1)
})

test('a failed poll reports the error and keeps polling', async () => {
  const clock = fakeTimers()
  let n = 0
  const events: string[] = []
  const p = createPoller({
    load: async () => {
      n++
      if (n === 2) throw new Error('network')
      return n
    },
    intervalMs: 3000,
    onData: (d) => events.push(`data ${d}`),
    onError: () => events.push('error'),
    timers: clock.timers,
  })
  p.start()
  await flush()
  await clock.advance(3000)
  await clock.advance(3000)
  expect(events).toEqual(['data 1', 'error', 'data 3'])
  p.stop()
})

test('reset drops the answer to the old question and asks again at once', async () => {
  const clock = fakeTimers()
  const answers: ReturnType<typeof deferred<string>>[] = []
  const data: string[] = []
  const p = createPoller({
    load: () => {
      const d = deferred<string>()
      answers.push(d)
      return d.promise
    },
    intervalMs: 3000,
    onData: (d) => data.push(d),
    onError: () => undefined,
    timers: clock.timers,
  })
  p.start()
  p.reset()
  expect(answers).toHaveLength(1)
  answers[0].resolve('old district')
  await flush()
  expect(data).toEqual([])
  expect(answers).toHaveLength(2)
  answers[1].resolve('new district')
  await flush()
  expect(data).toEqual(['new district'])
  p.stop()
})

test('stopped while a request is in flight: no further asks', async () => {
  const clock = fakeTimers()
  const d = deferred<number>()
  let calls = 0
  const p = createPoller({
    load: () => (calls++, d.promise),
    intervalMs: 3000,
    onData: () => undefined,
    onError: () => undefined,
    timers: clock.timers,
  })
  p.start()
  p.stop()
  d.resolve(1)
  await clock.advance(10_000)
  expect(calls).toBe(1)
  expect(p.running()).toBe(false)
  // Shown again: asks at once.
  p.start()
  expect(calls).toBe(2)
  p.stop()
})

test('changes inside the gap share one trailing ask at its end, announced by onPending', async () => {
  const clock = fakeTimers()
  const starts: number[] = []
  const pending: (number | null)[] = []
  const p = createPoller({
    load: async () => starts.push(clock.now()),
    intervalMs: 120_000,
    minGapMs: 40_000,
    onData: () => undefined,
    onError: () => undefined,
    onPending: (at) => pending.push(at),
    timers: clock.timers,
  })
  p.start()
  await flush()
  expect(starts).toEqual([0])
  await clock.advance(5_000)
  p.changed()
  await clock.advance(5_000)
  p.changed()
  expect(pending).toEqual([40_000])
  expect(p.nextAt()).toBe(40_000)
  await clock.advance(30_000)
  expect(starts).toEqual([0, 40_000])
  expect(pending).toEqual([40_000, null])
  // Quiet again: the floor, 120 s after that answer.
  await clock.advance(119_999)
  expect(starts).toHaveLength(2)
  await clock.advance(1)
  expect(starts).toEqual([0, 40_000, 160_000])
  // A change long after the last ask: at once.
  await clock.advance(60_000)
  p.changed()
  await flush()
  expect(starts).toEqual([0, 40_000, 160_000, 220_000])
  p.stop()
})

test('a tap (refresh) and a new question (reset) are not held to the gap; changes while stopped are ignored', async () => {
  const clock = fakeTimers()
  const starts: number[] = []
  const p = createPoller({
    load: async () => starts.push(clock.now()),
    intervalMs: 120_000,
    minGapMs: 40_000,
    onData: () => undefined,
    onError: () => undefined,
    timers: clock.timers,
  })
  p.start()
  await clock.advance(1_000)
  p.refresh()
  await clock.advance(1_000)
  p.reset()
  await flush()
  expect(starts).toEqual([0, 1_000, 2_000])
  p.stop()
  p.changed()
  await clock.advance(300_000)
  expect(starts).toHaveLength(3)
  // Shown again long after: at once; the interval can be changed (watch lost: poll faster).
  p.start()
  await flush()
  p.setIntervalMs(40_000)
  await clock.advance(40_000)
  expect(starts).toEqual([0, 1_000, 2_000, 302_000, 342_000])
  p.stop()
})
