import { drain, enqueue, memoryKV, QUEUE_KEY, readQueue, removeDone, scannedHere } from './queue'

const scan = (reg: string, at = 1) => ({ activityId: 'a1', token: `t-${reg}`, registrationId: reg, scannedAt: at })

describe('offline queue', () => {
  it('queues a scan once per registration and activity, with a random nonce', () => {
    const kv = memoryKV()
    const first = enqueue(kv, scan('r1'))
    expect(first.added).toBe(true)
    expect(first.item.nonce).toMatch(/^[0-9a-f]{32}$/)
    const again = enqueue(kv, scan('r1', 2))
    expect(again.added).toBe(false)
    expect(again.item.nonce).toBe(first.item.nonce)
    enqueue(kv, { ...scan('r1'), activityId: 'a2' })
    expect(readQueue(kv)).toHaveLength(2)
    expect(scannedHere(kv, 'a1', 'r1')?.scannedAt).toBe(1)
    expect(scannedHere(kv, 'a1', 'r9')).toBeNull()
  })

  it('ignores unreadable storage', () => {
    const kv = memoryKV()
    kv.set(QUEUE_KEY, 'garbage')
    expect(readQueue(kv)).toEqual([])
    kv.set(QUEUE_KEY, [{ nonce: 'x' }, { ...scan('r2'), nonce: 'n2' }])
    expect(readQueue(kv).map((s) => s.nonce)).toEqual(['n2'])
  })

  it('drains in batches and keeps what was not answered', async () => {
    const kv = memoryKV()
    for (let i = 0; i < 7; i++) enqueue(kv, scan(`r${i}`))
    const sent: number[] = []
    const res = await drain(
      kv,
      async (batch) => {
        sent.push(batch.length)
        return { done: batch.map((s) => s.nonce), report: batch.length }
      },
      3,
    )
    expect(sent).toEqual([3, 3, 1])
    expect(res.left).toBe(0)
    expect(readQueue(kv)).toEqual([])
  })

  it('a failure half-way keeps the rest; a second drain sends only those', async () => {
    const kv = memoryKV()
    for (let i = 0; i < 5; i++) enqueue(kv, scan(`r${i}`))
    let calls = 0
    await expect(
      drain(
        kv,
        async (batch) => {
          calls++
          if (calls === 2) throw new Error('NETWORK')
          return { done: batch.map((s) => s.nonce), report: null }
        },
        2,
      ),
    ).rejects.toThrow('NETWORK')
    expect(readQueue(kv).map((s) => s.registrationId)).toEqual(['r2', 'r3', 'r4'])
    const again: string[] = []
    await drain(kv, async (batch) => {
      again.push(...batch.map((s) => s.registrationId))
      return { done: batch.map((s) => s.nonce), report: null }
    })
    expect(again).toEqual(['r2', 'r3', 'r4'])
  })

  it('stops when the server answers nothing', async () => {
    const kv = memoryKV()
    enqueue(kv, scan('r1'))
    const res = await drain(kv, async () => ({ done: [], report: 'none' }))
    expect(res).toEqual({ reports: ['none'], left: 1 })
    expect(removeDone(kv, ['nope'])).toHaveLength(1)
  })
})
