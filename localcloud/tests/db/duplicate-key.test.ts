// The forms a duplicate _id can take through the real wx-server-sdk (the local server answers the
// one it is switched to), and isDuplicateKey over the errors the SDK really throws.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isDuplicateKey } from '../../../cloudfunctions/_core/write'
import { DUPLICATE_KEY_FORMS } from '../../db/errors'
import { sdkEnv } from '../../db/sdk-env'
import { rejectionOf, startTestDb, type TestDb } from './helpers'

let t: TestDb
let coll: string

beforeAll(async () => {
  t = await startTestDb()
  coll = await t.collection('dup')
  await t.db.collection(coll).add({ data: { _id: 'a', v: 1 } })
})
afterEach(() => t.server.setDuplicateKeyForm('E11000'))
afterAll(async () => {
  await t.stop()
})

const secondAdd = () => rejectionOf(t.db.collection(coll).add({ data: { _id: 'a', v: 2 } }))

async function postForm(form: unknown): Promise<{ status: number; body: { form?: string } }> {
  const res = await fetch(new URL('/_local/duplicate-key', t.server.url), { method: 'POST', body: JSON.stringify({ form }) })
  return { status: res.status, body: (await res.json()) as { form?: string } }
}

describe('the forms a duplicate _id is answered in', () => {
  it("answers E11000 by default: errCode -502001 (DATABASE_REQUEST_FAILED) with MongoDB's text, no code property", async () => {
    const err = await secondAdd()
    expect(err).toBeInstanceOf(Error)
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toMatch(/E11000 duplicate key error collection: dup_\d+ index: _id_/)
    expect(err.code).toBeUndefined()
    expect((await t.db.collection(coll).doc('a').get()).data).toEqual({ _id: 'a', v: 1 })
  })

  it('answers DATABASE_DUPLICATE_WRITE when switched by POST /_local/duplicate-key: errCode -501001, the code only in errMsg', async () => {
    expect(await postForm('DUPLICATE_WRITE')).toEqual({ status: 200, body: { form: 'DUPLICATE_WRITE' } })
    const err = await secondAdd()
    expect(err.errCode).toBe(-501001)
    expect(err.errMsg).toContain('DATABASE_DUPLICATE_WRITE')
    expect(err.errMsg).not.toContain('E11000')
    expect(err.code).toBeUndefined()
    expect((await t.db.collection(coll).doc('a').get()).data).toEqual({ _id: 'a', v: 1 })
  })

  it('answers the switched form for an add() inside a transaction too', async () => {
    t.server.setDuplicateKeyForm('DUPLICATE_WRITE')
    const err = await rejectionOf(
      t.db.runTransaction(async (tx: { collection(n: string): { add(o: unknown): Promise<unknown> } }) => {
        await tx.collection(coll).add({ data: { _id: 'a', v: 3 } })
      }),
    )
    expect(err.errCode).toBe(-501001)
    expect(err.errMsg).toContain('DATABASE_DUPLICATE_WRITE')
  })

  it('refuses an unknown form with 400 and keeps answering the current one', async () => {
    expect((await postForm('E11001')).status).toBe(400)
    const res = await fetch(new URL('/_local/duplicate-key', t.server.url))
    expect(await res.json()).toEqual({ form: 'E11000' })
    expect((await secondAdd()).errCode).toBe(-502001)
  })
})

describe('isDuplicateKey', () => {
  it.each(DUPLICATE_KEY_FORMS)('recognises the SDK error of a duplicate answered as %s', async (form) => {
    t.server.setDuplicateKeyForm(form)
    expect(isDuplicateKey(await secondAdd())).toBe(true)
  })

  it('recognises a raw node-sdk error that carries the cloud code DATABASE_DUPLICATE_WRITE', () => {
    expect(isDuplicateKey(Object.assign(new Error('write failed'), { code: 'DATABASE_DUPLICATE_WRITE' }))).toBe(true)
  })

  it('does not take a missing collection (-502005) for a duplicate', async () => {
    const err = await rejectionOf(t.db.collection('never_created').add({ data: { _id: 'a' } }))
    expect(err.errCode).toBe(-502005)
    expect(isDuplicateKey(err)).toBe(false)
  })

  it('does not take another failed request (-502001 without E11000) for a duplicate', async () => {
    const err = await rejectionOf(
      t.db
        .collection(coll)
        .where({ _id: 'a' })
        .update({ data: { v: t._.push(1) } }),
    )
    expect(err.errCode).toBe(-502001)
    expect(isDuplicateKey(err)).toBe(false)
  })

  it('does not take a transaction conflict (-501001, another unmapped code) for a duplicate', async () => {
    const a = await t.db.startTransaction()
    const b = await t.db.startTransaction()
    await a
      .collection(coll)
      .doc('a')
      .update({ data: { v: 10 } })
    const err = await rejectionOf(
      b
        .collection(coll)
        .doc('a')
        .update({ data: { v: 20 } }),
    )
    await a.rollback()
    await b.rollback().catch(() => undefined)
    expect(err.errCode).toBe(-501001)
    expect(err.errMsg).toContain('[ResourceUnavailable.TransactionConflict]')
    expect(isDuplicateKey(err)).toBe(false)
  })

  it('does not take a timeout (-501001 "request timeout") for a duplicate', async () => {
    const silent: Server = createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/admin`
    Object.assign(process.env, sdkEnv(url))
    let cloud: typeof t.cloud
    jest.isolateModules(() => {
      cloud = require('wx-server-sdk')
    })
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, timeout: 200 })
    try {
      const err = await rejectionOf(
        cloud
          .database()
          .collection(coll)
          .add({ data: { _id: 'a' } }),
      )
      expect(err.errCode).toBe(-501001)
      expect(err.errMsg).toMatch(/timeout/)
      expect(isDuplicateKey(err)).toBe(false)
    } finally {
      Object.assign(process.env, sdkEnv(t.server.url))
      silent.closeAllConnections()
      await new Promise((resolve) => silent.close(resolve))
    }
  })

  it('does not take values that are not SDK errors for a duplicate', () => {
    expect(isDuplicateKey(null)).toBe(false)
    expect(isDuplicateKey('E11000 duplicate key')).toBe(false)
    expect(isDuplicateKey(new Error('E11000 duplicate key'))).toBe(false)
  })
})
