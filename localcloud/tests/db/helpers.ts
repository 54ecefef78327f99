// A local database server on a random port with a fresh data folder, and the real wx-server-sdk
// pointed at it. Tests drive the server only through the SDK (except the raw-HTTP robustness tests).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sdkEnv } from '../../db/sdk-env'
import { startDbServer, type DbServer } from '../../db/server'

export type AnyDb = any

export interface TestClock {
  /** Fixed time in ms, or null for the real clock. */
  fixed: number | null
  now(): number
}

export interface TestDb {
  server: DbServer
  dataDir: string
  clock: TestClock
  cloud: AnyDb
  db: AnyDb
  /** db.command */
  _: AnyDb
  /** db.command.aggregate */
  $: AnyDb
  /** A new, created collection with a unique name. */
  collection(prefix: string): Promise<string>
  stop(): Promise<void>
}

let seq = 0

export async function startTestDb(): Promise<TestDb> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-db-test-'))
  const clock: TestClock = {
    fixed: null,
    now() {
      return this.fixed ?? Date.now()
    },
  }
  const server = await startDbServer({ port: 0, dataDir, now: () => clock.now() })
  Object.assign(process.env, sdkEnv(server.url))

  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  return {
    server,
    dataDir,
    clock,
    cloud,
    db,
    _: db.command,
    $: db.command.aggregate,
    async collection(prefix) {
      const name = `${prefix}_${++seq}`
      await db.createCollection(name)
      return name
    },
    async stop() {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<AnyDb> {
  try {
    await promise
  } catch (err) {
    return err
  }
  throw new Error('expected the call to fail, but it succeeded')
}

/** Ids of documents, in order. */
export function ids(docs: { _id: unknown }[]): unknown[] {
  return docs.map((d) => d._id)
}
