// The server itself: robustness against bad requests, the stats the benchmarks read, the admin
// routes, durability across restarts, and the CLI.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sdkEnv } from '../../db/sdk-env'
import { startDbServer } from '../../db/server'
import { rejectionOf, startTestDb, type TestDb } from './helpers'

let t: TestDb
beforeAll(async () => {
  t = await startTestDb()
})
afterAll(async () => {
  await t.stop()
})

async function post(body: string, url = t.server.url): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}?env=local&seqId=test`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  return { status: res.status, json: await res.json() }
}

/** Proves the server still answers SDK calls. */
async function stillServing(): Promise<void> {
  const coll = await t.collection('alive')
  await t.db.collection(coll).add({ data: { ok: true } })
  expect((await t.db.collection(coll).count()).total).toBe(1)
}

describe('bad requests', () => {
  it('answers a body that is not JSON with 400 INVALID_PARAM and keeps serving', async () => {
    const res = await post('{"action": "database.getDocument",')
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('INVALID_PARAM')
    await stillServing()
  })

  it('answers JSON that is not an object with 400 INVALID_PARAM', async () => {
    for (const body of ['[1,2]', '"text"', 'null', '42']) {
      const res = await post(body)
      expect(res.status).toBe(400)
      expect(res.json.code).toBe('INVALID_PARAM')
    }
    await stillServing()
  })

  it('answers an unknown action with INVALID_PARAM in the SDK error shape', async () => {
    const res = await post(JSON.stringify({ action: 'database.dropEverything', collectionName: 'x' }))
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ requestId: expect.any(String), code: 'INVALID_PARAM', message: expect.stringMatching(/unknown action/) })
    await stillServing()
  })

  it('answers malformed action fields (bad EJSON, wrong types) with an error, not a crash', async () => {
    const coll = await t.collection('bad')
    const cases = [
      { action: 'database.getDocument', collectionName: coll, query: '{not ejson' },
      { action: 'database.getDocument', collectionName: coll, query: '{}', order: '{"n":"sideways"}' },
      { action: 'database.getDocument', collectionName: 42 },
      { action: 'database.insertDocument', collectionName: coll, data: 'not an array' },
      { action: 'database.insertDocument', collectionName: coll, data: ['{"_id": {"$numberInt": "1"}, "a": ['] },
      { action: 'database.modifyDocument', collectionName: coll, query: '{}', data: '[1]', merge: true },
      { action: 'database.modifyDocument', collectionName: coll, query: '{}', data: '{"$set": 5}', merge: true },
      { action: 'database.aggregateDocuments', collectionName: coll, stages: [{ stageKey: 'match', stageValue: '{}' }] },
      { action: 'database.aggregateDocuments', collectionName: coll, stages: [{ stageKey: '$out', stageValue: '"x"' }] },
      { action: 'database.commitTransaction', transactionId: 'no-such-transaction' },
    ]
    for (const body of cases) {
      const res = await post(JSON.stringify(body))
      expect({ body, status: res.status }).toEqual({ body, status: 200 })
      expect({ body, code: res.json.code }).toEqual({ body, code: expect.any(String) })
      expect(res.json.code).toMatch(/^(INVALID_PARAM|DATABASE_REQUEST_FAILED|DATABASE_TRANSACTION_FAIL)$/)
      expect(typeof res.json.message).toBe('string')
    }
    await stillServing()
  })

  it('refuses a body over 5 MB with 413 and keeps serving', async () => {
    const huge = JSON.stringify({ action: 'database.insertDocument', collectionName: 'x', data: ['x'.repeat(6 * 1024 * 1024)] })
    const res = await post(huge)
    expect(res.status).toBe(413)
    expect(res.json.code).toBe('INVALID_PARAM')
    await stillServing()
  })

  it('fails an SDK add() of a document over 5 MB and keeps serving', async () => {
    const coll = await t.collection('huge')
    const err = await rejectionOf(t.db.collection(coll).add({ data: { blob: 'x'.repeat(6 * 1024 * 1024) } }))
    expect(err.errMsg).toMatch(/collection\.add:fail/)
    expect((await t.db.collection(coll).count()).total).toBe(0)
    await stillServing()
  })

  it('answers unknown routes with 404 and other methods with 405', async () => {
    expect((await fetch(`${t.server.url.replace('/admin', '')}/_local/nothing`)).status).toBe(404)
    expect((await fetch(t.server.url)).status).toBe(405)
  })
})

describe('limits of raw requests', () => {
  // The SDK itself sends limit 100 when none is given and caps it at 1000; the server enforces the
  // same for requests that do not come through the SDK.
  it('answers 100 documents without a limit and at most 1000 with a bigger one', async () => {
    const coll = await t.collection('raw_limit')
    await t.db.collection(coll).add({ data: Array.from({ length: 1100 }, (_, i) => ({ i })) })
    const get = (extra: object) =>
      post(JSON.stringify({ action: 'database.getDocument', collectionName: coll, queryType: 'WHERE', ...extra }))
    expect((await get({})).json.data.list).toHaveLength(100)
    expect((await get({ limit: 5000 })).json.data.list).toHaveLength(1000)
    expect((await get({ limit: 7 })).json.data.list).toHaveLength(7)
  })
})

describe('updateAndReturn', () => {
  // wx-server-sdk does not expose Query.updateAndReturn(); its action is served for other clients.
  it('database.modifyAndReturnDoc updates the first match and answers the new document', async () => {
    const coll = await t.collection('uar')
    await t.db.collection(coll).add({
      data: [
        { _id: 'a', n: 1 },
        { _id: 'b', n: 1 },
      ],
    })
    const res = await post(
      JSON.stringify({
        action: 'database.modifyAndReturnDoc',
        collectionName: coll,
        queryType: 'WHERE',
        query: '{"n":{"$numberInt":"1"}}',
        data: '{"$inc":{"n":{"$numberInt":"5"}}}',
      }),
    )
    expect(res.json.data.updated).toBe(1)
    expect(JSON.parse(res.json.data.doc)).toEqual({ _id: 'a', n: { $numberInt: '6' } })
    expect((await t.db.collection(coll).orderBy('_id', 'asc').get()).data.map((d: { n: number }) => d.n)).toEqual([6, 1])
  })

  // The SDK's contract: updated is the number of records updated, and the document is returned;
  // the cloud answers 1 for a match whose content is already what the update writes, as MongoDB's
  // findAndModify does (n: 1 when a document matched).
  it('answers updated: 1 and the document when the update writes the value already there', async () => {
    const coll = await t.collection('uar')
    await t.db.collection(coll).add({ data: { _id: 'a', n: 6 } })
    const modify = (query: string) =>
      post(
        JSON.stringify({
          action: 'database.modifyAndReturnDoc',
          collectionName: coll,
          queryType: 'WHERE',
          query,
          data: '{"$set":{"n":{"$numberInt":"6"}}}',
        }),
      )
    const same = await modify('{"_id":"a"}')
    expect(same.json.data.updated).toBe(1)
    expect(JSON.parse(same.json.data.doc)).toEqual({ _id: 'a', n: { $numberInt: '6' } })
    const none = await modify('{"_id":"nobody"}')
    expect(none.json.data).toEqual({ updated: 0, doc: null })
  })
})

describe('stats', () => {
  it('counts SDK requests by action, also through GET /_local/stats, and resets', async () => {
    const coll = await t.collection('stats')
    t.server.resetStats()
    await t.db.collection(coll).add({ data: { _id: 'x', n: 1 } })
    await t.db.collection(coll).doc('x').get()
    await t.db.collection(coll).where({ n: 1 }).get()
    await t.db.collection(coll).count()
    await t.db
      .collection(coll)
      .doc('x')
      .update({ data: { n: 2 } })
    await rejectionOf(t.db.collection(coll).doc('nope').get())
    await t.db.collection(coll).aggregate().match({}).end()
    await t.db.collection(coll).doc('x').remove()
    const expected = {
      total: 8,
      byAction: {
        'database.aggregateDocuments': 1,
        'database.calculateDocument': 1,
        'database.getDocument': 3,
        'database.insertDocument': 1,
        'database.modifyDocument': 1,
        'database.removeDocument': 1,
      },
    }
    expect(t.server.stats()).toEqual(expected)
    const base = t.server.url.replace(/\/admin$/, '')
    expect(await (await fetch(`${base}/_local/stats`)).json()).toEqual(expected)
    const reset = await fetch(`${base}/_local/stats/reset`, { method: 'POST' })
    expect(reset.status).toBe(200)
    expect(t.server.stats()).toEqual({ total: 0, byAction: {} })
  })

  it('counts transaction actions', async () => {
    const coll = await t.collection('stats_tx')
    await t.db.collection(coll).add({ data: { _id: 'x', n: 1 } })
    t.server.resetStats()
    const tx = await t.db.startTransaction()
    await tx
      .collection(coll)
      .doc('x')
      .update({ data: { n: 2 } })
    await tx.commit()
    expect(t.server.stats()).toEqual({
      total: 3,
      byAction: { 'database.commitTransaction': 1, 'database.modifyDocument': 1, 'database.startTransaction': 1 },
    })
  })

  it('counts reads and writes as WeChat bills them (one per request), per collection, also through GET /_local/billing', async () => {
    const a = await t.collection('bill_a')
    const b = await t.collection('bill_b')
    t.server.resetStats()
    await t.db.collection(a).add({
      data: [
        { _id: 'x', n: 1 },
        { _id: 'y', n: 1 },
      ],
    })
    await t.db.collection(a).where({ n: 1 }).get()
    await t.db.collection(a).count()
    await t.db.collection(b).aggregate().match({}).end()
    await t.db
      .collection(a)
      .where({ n: 1 })
      .update({ data: { n: 2 } })
    const tx = await t.db.startTransaction()
    await tx
      .collection(b)
      .doc('x')
      .set({ data: { n: 1 } })
    await tx.collection(a).doc('x').get()
    await tx.commit()
    await t.db.collection(b).doc('x').remove()
    const expected = {
      reads: 4,
      writes: 4,
      other: 2,
      byCollection: { [a]: { reads: 3, writes: 2 }, [b]: { reads: 1, writes: 2 } },
    }
    expect(t.server.billing()).toEqual(expected)
    const base = t.server.url.replace(/\/admin$/, '')
    expect(await (await fetch(`${base}/_local/billing`)).json()).toEqual(expected)
    t.server.resetStats()
    expect(t.server.billing()).toEqual({ reads: 0, writes: 0, other: 0, byCollection: {} })
  })

  it('counts documents written, not requests: an update matching nothing and a read add 0', async () => {
    const coll = await t.collection('stats_writes')
    const start = t.server.documentWrites()
    await t.db.collection(coll).add({
      data: [
        { _id: 'a', n: 1 },
        { _id: 'b', n: 1 },
      ],
    })
    expect(t.server.documentWrites() - start).toBe(2)
    await t.db
      .collection(coll)
      .where({ n: 99 })
      .update({ data: { n: 2 } })
    await t.db.collection(coll).where({ n: 1 }).get()
    expect(t.server.documentWrites() - start).toBe(2)
    await t.db
      .collection(coll)
      .where({ n: 1 })
      .update({ data: { n: 3 } })
    await t.db.collection(coll).doc('a').remove()
    expect(t.server.documentWrites() - start).toBe(5)
    t.server.resetStats()
    expect(t.server.documentWrites() - start).toBe(5)
  })

  it('answers GET /_local/health', async () => {
    const res = await fetch(t.server.url.replace(/\/admin$/, '/_local/health'))
    expect(await res.json()).toEqual({ ok: true })
  })
})

describe('durability', () => {
  it('keeps collections and documents, types intact, across a restart on the same data folder', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-db-restart-'))
    const when = new Date(Date.UTC(2026, 4, 14, 9, 30))
    try {
      const first = await startDbServer({ port: 0, dataDir })
      Object.assign(process.env, sdkEnv(first.url))
      await t.db.createCollection('kept')
      await t.db.collection('kept').add({ data: [{ _id: 'k1', when, n: 2.5, tags: ['a'] }, { _id: 'k2' }] })
      await t.db.collection('kept').doc('k2').remove()
      await first.close()

      const second = await startDbServer({ port: 0, dataDir })
      Object.assign(process.env, sdkEnv(second.url))
      const res = await t.db.collection('kept').get()
      expect(res.data).toEqual([{ _id: 'k1', when, n: 2.5, tags: ['a'] }])
      expect(res.data[0].when).toBeInstanceOf(Date)
      expect((await rejectionOf(t.db.createCollection('kept'))).errMsg).toMatch(/exist/)
      await second.close()
    } finally {
      Object.assign(process.env, sdkEnv(t.server.url))
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('cli', () => {
  it('prints one LOCALCLOUD_DB_URL line once serving and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-db-cli-'))
    const root = path.resolve(__dirname, '../../..')
    const child = spawn(process.execPath, ['--import', 'tsx', 'localcloud/db/cli.ts', '--port', '0', '--data', dataDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let out = ''
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL line; stdout: ${out}`)), 20_000)
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const m = /^LOCALCLOUD_DB_URL=(http:\/\/127\.0\.0\.1:\d+\/admin)\n/.exec(out)
          if (m) {
            clearTimeout(timer)
            resolve(m[1])
          }
        })
        child.on('exit', (code) => reject(new Error(`cli exited early with ${code}`)))
      })
      const health = await fetch(url.replace(/\/admin$/, '/_local/health'))
      expect(await health.json()).toEqual({ ok: true })
      const created = await post(JSON.stringify({ action: 'database.addCollection', collectionName: 'from_cli' }), url)
      expect(created.json.code).toBeUndefined()
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(out).toBe(`LOCALCLOUD_DB_URL=${url}\n`)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
