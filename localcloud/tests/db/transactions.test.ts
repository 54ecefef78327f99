// Transactions through the real wx-server-sdk (db.startTransaction / db.runTransaction).
//
// How errors reach the caller: an operation inside a transaction (doc().get/set/update/remove,
// add) rejects with wx-server-sdk's error, errCode -501001 and the cloud's message in errMsg
// ([ResourceUnavailable.TransactionConflict] / [ResourceUnavailable.TransactionNotExist]: errors.ts);
// commit() and rollback() reject with node-sdk's raw error, whose `code` is the cloud's code.
import { rejectionOf, startTestDb, type AnyDb, type TestDb } from './helpers'

let t: TestDb
beforeAll(async () => {
  t = await startTestDb()
})
afterAll(async () => {
  await t.stop()
})
afterEach(() => {
  t.clock.fixed = null
})

/** A fresh collection holding accounts a (100) and b (50). */
async function accounts(): Promise<string> {
  const coll = await t.collection('acct')
  await t.db.collection(coll).add({
    data: [
      { _id: 'a', amount: 100 },
      { _id: 'b', amount: 50 },
    ],
  })
  return coll
}

async function amountOf(coll: string, id: string): Promise<number> {
  return (await t.db.collection(coll).doc(id).get()).data.amount
}

describe('reads', () => {
  it('reads a snapshot taken at its start, not writes committed since', async () => {
    const coll = await accounts()
    const tx = await t.db.startTransaction()
    await t.db
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 1 } })
    expect((await tx.collection(coll).doc('a').get()).data.amount).toBe(100)
    expect(await amountOf(coll, 'a')).toBe(1)
    await tx.rollback()
  })

  it('does not see documents added or removed after it started', async () => {
    const coll = await accounts()
    const tx = await t.db.startTransaction()
    await t.db.collection(coll).add({ data: { _id: 'late', amount: 5 } })
    await t.db.collection(coll).doc('b').remove()
    const late = await rejectionOf(tx.collection(coll).doc('late').get())
    expect(late.errMsg).toMatch(/document with _id late does not exist/)
    expect((await tx.collection(coll).doc('b').get()).data.amount).toBe(50)
    await tx.rollback()
  })

  it('sees its own writes, which nobody else sees before commit', async () => {
    const coll = await accounts()
    const tx = await t.db.startTransaction()
    await tx
      .collection(coll)
      .doc('a')
      .update({ data: { amount: t._.inc(-30) } })
    expect((await tx.collection(coll).doc('a').get()).data.amount).toBe(70)
    expect(await amountOf(coll, 'a')).toBe(100)
    await tx.commit()
    expect(await amountOf(coll, 'a')).toBe(70)
  })
})

describe('conflicts', () => {
  it('fails at once with DATABASE_TRANSACTION_CONFLICT when another live transaction wrote the document', async () => {
    const coll = await accounts()
    const first = await t.db.startTransaction()
    const second = await t.db.startTransaction()
    await first
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 1 } })
    const err = await rejectionOf(
      second
        .collection(coll)
        .doc('a')
        .update({ data: { amount: 2 } }),
    )
    expect(err.errMsg).toMatch(/\[ResourceUnavailable\.TransactionConflict\] Transaction is conflict/)
    await first.commit()
    expect(await amountOf(coll, 'a')).toBe(1)
  })

  it('fails at once with DATABASE_TRANSACTION_CONFLICT when someone committed the document after it started', async () => {
    const coll = await accounts()
    const tx = await t.db.startTransaction()
    await t.db
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 7 } })
    const err = await rejectionOf(
      tx
        .collection(coll)
        .doc('a')
        .set({ data: { amount: 0 } }),
    )
    expect(err.errMsg).toMatch(/\[ResourceUnavailable\.TransactionConflict\] Transaction is conflict/)
    expect(await amountOf(coll, 'a')).toBe(7)
  })

  it('lets transactions write different documents side by side', async () => {
    const coll = await accounts()
    const first = await t.db.startTransaction()
    const second = await t.db.startTransaction()
    await first
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 1 } })
    await second
      .collection(coll)
      .doc('b')
      .update({ data: { amount: 2 } })
    await first.commit()
    await second.commit()
    expect([await amountOf(coll, 'a'), await amountOf(coll, 'b')]).toEqual([1, 2])
  })

  it('refuses adding an _id that a live transaction is adding too', async () => {
    const coll = await accounts()
    const first = await t.db.startTransaction()
    const second = await t.db.startTransaction()
    await first.collection(coll).add({ data: { _id: 'c', amount: 1 } })
    const err = await rejectionOf(second.collection(coll).add({ data: { _id: 'c', amount: 2 } }))
    expect(err.errMsg).toMatch(/\[ResourceUnavailable\.TransactionConflict\] Transaction is conflict/)
    await first.commit()
    expect(await amountOf(coll, 'c')).toBe(1)
  })
})

describe('commit and rollback', () => {
  it('commits all its writes at once: update, set, add and remove', async () => {
    const coll = await accounts()
    await t.db.collection(coll).add({ data: { _id: 'gone', amount: 0 } })
    const tx = await t.db.startTransaction()
    await tx
      .collection(coll)
      .doc('a')
      .update({ data: { amount: t._.inc(-10) } })
    await tx
      .collection(coll)
      .doc('b')
      .set({ data: { amount: 60, note: 'set' } })
    const added = await tx.collection(coll).add({ data: { _id: 'c', amount: 5 } })
    expect(added._id).toBe('c')
    await tx.collection(coll).doc('gone').remove()
    const before = await t.db.collection(coll).orderBy('_id', 'asc').get()
    expect(before.data).toEqual([
      { _id: 'a', amount: 100 },
      { _id: 'b', amount: 50 },
      { _id: 'gone', amount: 0 },
    ])
    await tx.commit()
    const after = await t.db.collection(coll).orderBy('_id', 'asc').get()
    expect(after.data).toEqual([
      { _id: 'a', amount: 90 },
      { _id: 'b', amount: 60, note: 'set' },
      { _id: 'c', amount: 5 },
    ])
  })

  it('commits nothing when a plain write landed on one of its documents meanwhile', async () => {
    const coll = await accounts()
    const tx = await t.db.startTransaction()
    await tx
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 0 } })
    await tx
      .collection(coll)
      .doc('b')
      .update({ data: { amount: 0 } })
    await t.db
      .collection(coll)
      .doc('b')
      .update({ data: { amount: 51 } })
    const err = await rejectionOf(tx.commit())
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect([await amountOf(coll, 'a'), await amountOf(coll, 'b')]).toEqual([100, 51])
  })

  it('rollback discards its writes and frees the documents for other transactions', async () => {
    const coll = await accounts()
    const tx = await t.db.startTransaction()
    await tx
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 0 } })
    await tx.collection(coll).add({ data: { _id: 'c', amount: 1 } })
    await tx.rollback()
    expect(await amountOf(coll, 'a')).toBe(100)
    expect((await t.db.collection(coll).where({ _id: 'c' }).count()).total).toBe(0)
    const next = await t.db.startTransaction()
    await next
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 99 } })
    await next.commit()
    expect(await amountOf(coll, 'a')).toBe(99)
  })
})

describe('finished and expired transactions', () => {
  it('answers DATABASE_TRANSACTION_FAIL when used after commit', async () => {
    const coll = await accounts()
    const tx = await t.db.startTransaction()
    await tx
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 1 } })
    await tx.commit()
    const read = await rejectionOf(tx.collection(coll).doc('a').get())
    expect(read.errMsg).toMatch(/\[ResourceUnavailable\.TransactionNotExist\] Transaction does not exist on the server/)
    const write = await rejectionOf(
      tx
        .collection(coll)
        .doc('b')
        .update({ data: { amount: 1 } }),
    )
    expect(write.errMsg).toMatch(/\[ResourceUnavailable\.TransactionNotExist\] Transaction does not exist on the server/)
    expect((await rejectionOf(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
    expect(await amountOf(coll, 'b')).toBe(50)
  })

  it('answers DATABASE_TRANSACTION_FAIL when used after rollback', async () => {
    const coll = await accounts()
    const tx = await t.db.startTransaction()
    await tx.rollback()
    const write = await rejectionOf(
      tx
        .collection(coll)
        .doc('a')
        .update({ data: { amount: 1 } }),
    )
    expect(write.errMsg).toMatch(/\[ResourceUnavailable\.TransactionNotExist\] Transaction does not exist on the server/)
    expect((await rejectionOf(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
    expect(await amountOf(coll, 'a')).toBe(100)
  })

  it('keeps working until 30 s and answers DATABASE_TRANSACTION_FAIL after (injected clock)', async () => {
    const coll = await accounts()
    const T = Date.UTC(2026, 4, 12)
    t.clock.fixed = T
    const tx = await t.db.startTransaction()
    await tx
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 1 } })
    t.clock.fixed = T + 30_000
    expect((await tx.collection(coll).doc('a').get()).data.amount).toBe(1)
    t.clock.fixed = T + 30_001
    const late = await rejectionOf(tx.collection(coll).doc('a').get())
    expect(late.errMsg).toMatch(/\[ResourceUnavailable\.TransactionNotExist\] Transaction does not exist on the server/)
    expect((await rejectionOf(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
    expect(await amountOf(coll, 'a')).toBe(100)
    // Its lock went with it.
    const next = await t.db.startTransaction()
    await next
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 2 } })
    await next.commit()
    expect(await amountOf(coll, 'a')).toBe(2)
  })

  it('lets an expired transaction’s documents be taken by another transaction', async () => {
    const coll = await accounts()
    const T = Date.UTC(2026, 4, 13)
    t.clock.fixed = T
    const old = await t.db.startTransaction()
    await old
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 1 } })
    t.clock.fixed = T + 31_000
    const next = await t.db.startTransaction()
    await next
      .collection(coll)
      .doc('a')
      .update({ data: { amount: 3 } })
    await next.commit()
    expect(await amountOf(coll, 'a')).toBe(3)
    expect((await rejectionOf(old.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
  })
})

describe('runTransaction', () => {
  it('commits what the callback did and answers its result', async () => {
    const coll = await accounts()
    const result = await t.db.runTransaction(async (tx: AnyDb) => {
      const a = (await tx.collection(coll).doc('a').get()).data
      await tx
        .collection(coll)
        .doc('a')
        .update({ data: { amount: a.amount - 30 } })
      await tx
        .collection(coll)
        .doc('b')
        .update({ data: { amount: t._.inc(30) } })
      return 'moved'
    })
    expect(result).toBe('moved')
    expect([await amountOf(coll, 'a'), await amountOf(coll, 'b')]).toEqual([70, 80])
  })

  it('runs the callback again after a commit conflict', async () => {
    const coll = await accounts()
    let attempts = 0
    await t.db.runTransaction(async (tx: AnyDb) => {
      attempts++
      const a = (await tx.collection(coll).doc('a').get()).data
      await tx
        .collection(coll)
        .doc('a')
        .update({ data: { amount: a.amount + 1 } })
      if (attempts === 1)
        await t.db
          .collection(coll)
          .doc('a')
          .update({ data: { amount: 500 } })
    })
    expect(attempts).toBe(2)
    expect(await amountOf(coll, 'a')).toBe(501)
  })

  it('rejects with the rollback reason and changes nothing', async () => {
    const coll = await accounts()
    const err = await rejectionOf(
      t.db.runTransaction(async (tx: AnyDb) => {
        await tx
          .collection(coll)
          .doc('a')
          .update({ data: { amount: 0 } })
        await tx.rollback('not enough')
      }),
    )
    expect(err).toBe('not enough')
    expect(await amountOf(coll, 'a')).toBe(100)
  })
})

describe('single documents only', () => {
  it('refuses a where() read inside a transaction with INVALID_PARAM', async () => {
    const coll = await accounts()
    const tx = await t.db.startTransaction()
    const err = await rejectionOf(
      tx
        .collection(coll)
        .where({ amount: t._.gt(0) })
        .get(),
    )
    expect(err.errCode).toBe(-501007)
    expect(err.errMsg).toMatch(/single document/)
    await tx.rollback()
  })
})
