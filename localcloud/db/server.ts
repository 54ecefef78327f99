// The local stand-in for the WeChat Cloud (CloudBase) document database, spoken to by the unmodified
// wx-server-sdk (see sdk-env.ts for pointing it here).
//
//   POST /admin?env=...&seqId=...   every SDK database call: JSON { action, ... } -> JSON
//   GET  /_local/health             { ok: true }
//   GET  /_local/stats              { total, byAction }   SDK requests counted by action
//   GET  /_local/billing            { reads, writes, other, byCollection }   the same, as WeChat bills them (stats.ts)
//   POST /_local/stats/reset        zeroes the counters (both)
//   GET  /_local/duplicate-key      { form }   how a duplicate _id is answered (see errors.ts)
//   POST /_local/duplicate-key      { form: 'E11000' | 'DUPLICATE_WRITE' } sets it (dev and tests)
//   POST /_local/fault/<kill|lose|fail>/admin?...   dev-only fault injection (gateway/faults.ts)
//   POST /_local/phone-code         { openid, phone } -> { code }: what WeChat's phone-number button
//                                   gives the page, for the phonenumber.getPhoneNumber stand-in (openapi.ts)
//   POST /_local/subscribe-accept   { openid, templateIds } -> { unused }: what an 'accept' in
//                                   requestSubscribeMessage gives, for the subscribeMessage.send stand-in
//   GET  /_local/subscribe-messages[?touser=]   { messages }: the subscribe messages sent (openapi.ts)
//   GET  /_local/storage/<path>     a stored file's bytes: the URL storage.batchGetDownloadUrl answers
//                                   for cloud.downloadFile (storageFiles.ts)
//   PUT  /_local/upload/<path>      a file's bytes: the URL storage.getUploadMetadata answers for
//                                   cloud.uploadFile, standing in for the object storage (storageFiles.ts)
//
// A multipart/form-data POST to /admin is a cloud call (`wx.openApi`, `cloud.openapi.*`), answered
// by the stand-ins of openapi.ts as the platform does (protobuf bytes).
//
// Answers to SDK calls are HTTP 200 with { requestId, ...result } or { requestId, code, message }:
// node-sdk throws a TcbError for a body with a `code`, and wx-server-sdk turns it into its errors.
// Bodies that are not JSON answer 400, bodies over 5 MB answer 413; the server keeps serving.
import { randomBytes } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { environment as declaredEnvironment, type EnvironmentSpec } from '../../config/environment'
import { ACTIONS, type ActionContext } from './actions'
import { DEFAULT_H5_ORIGIN, PhoneCodes, SubscribeMessages, answerOpenApi, parseMultipart, type SentSubscribeMessage } from './openapi'
import {
  STORAGE_URL_PREFIX,
  UPLOAD_URL_PREFIX,
  deleteList,
  downloadList,
  serveStorageFile,
  storeUploadedFile,
  uploadMetadata,
} from './storageFiles'
import { FUNCTION_TAG, QueryCoverage, type RecordedShape } from './coverage'
import { invalidParam, isDuplicateKeyForm, toDbError, DUPLICATE_KEY_FORMS, type DbError, type DuplicateKeyForm } from './errors'
import { StatsCounter, type DbBilling, type DbStats } from './stats'
import { DocStore } from './store'
import { TransactionManager } from './transactions'

export const MAX_BODY_BYTES = 5 * 1024 * 1024
/** Dev-only: POST /_local/fault/<mode>/admin?... (gateway/faults.ts rewrites SDK requests to it). */
const FAULT_PATH = /^\/_local\/fault\/(kill|lose|fail)\/admin$/
/** Past this much refused body, the connection is dropped instead of drained. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024

export interface DbServerOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Folder for the SQLite files; created when missing. */
  dataDir: string
  /** Interface to listen on; default 127.0.0.1. */
  host?: string
  /** Clock in ms for server dates and transaction lifetimes; default Date.now. */
  now?: () => number
  /** How an insert over an existing _id is answered; default 'E11000' (see errors.ts). */
  duplicateKeyForm?: DuplicateKeyForm
  /** The collections and indexes to build and check queries against; default config/environment.ts. */
  environment?: EnvironmentSpec
  /**
   * Refuse a query no declared index covers (MongoDB's notablescan; coverage.ts). Default: on when
   * LOCALCLOUD_NOTABLESCAN=1 (jest sets it: localcloud/tests/notablescan.ts), else shapes are only recorded.
   */
  notablescan?: boolean
}

export interface DbServer {
  /** What wx-server-sdk is pointed at, e.g. http://127.0.0.1:4100/admin */
  url: string
  port: number
  close(): Promise<void>
  stats(): DbStats
  /** The requests since the last reset as WeChat Cloud's quota counts them: reads and writes, per collection. */
  billing(): DbBilling
  resetStats(): void
  /** The form duplicate keys are answered in from now on (tests switch it; also POST /_local/duplicate-key). */
  setDuplicateKeyForm(form: DuplicateKeyForm): void
  /**
   * Documents written (inserted, replaced, updated or removed) since the server started, counted
   * as the store applies them: a request that changes nothing (an update matching no document, a
   * refused transaction) adds 0. Never reset; compare two readings.
   */
  documentWrites(): number
  /** The shape of every query served so far, each once, with whether a declared index covers it. */
  queryShapes(): RecordedShape[]
  /** Whether uncovered queries are refused (see DbServerOptions.notablescan). */
  notablescan: boolean
  /**
   * What WeChat's phone-number button gives the page: a code for `openid`'s number, valid once and
   * for 5 minutes, which cloud.openapi.phonenumber.getPhoneNumber answers (openapi.ts).
   */
  mintPhoneCode(openid: string, phone: string, countryCode?: string): string
  /** Where the local 小程序码 (wxacode.getUnlimited) leads: the gateway's origin serving the h5 build. */
  setH5Origin(origin: string): void
  /** What an 'accept' in requestSubscribeMessage gives: `count` messages of the template to `openid` (openapi.ts). */
  acceptSubscribe(openid: string, templateId: string, count?: number): number
  /** The subscribe messages sent (to `touser`, when given), oldest first. */
  subscribeMessages(touser?: string): SentSubscribeMessage[]
  /** Acceptances of the template by `openid` not yet spent. */
  unusedAcceptances(openid: string, templateId: string): number
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly error: DbError,
  ) {
    super(error.message)
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return readBodyBytes(req).then((b) => b.toString('utf8'))
}

function readBodyBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooLarge = true
      if (tooLarge) {
        chunks.length = 0
        if (size > MAX_DRAIN_BYTES) req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (tooLarge) reject(new BodyError(413, invalidParam(`request body is larger than ${MAX_BODY_BYTES} bytes`)))
      else resolve(Buffer.concat(chunks))
    })
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

let requestCounter = 0
function newRequestId(): string {
  requestCounter = (requestCounter + 1) % 1e9
  return `local-${randomBytes(6).toString('hex')}-${requestCounter}`
}

/** The cloud function a request came from (gateway/callTag.ts), if it came from one. */
function functionOf(url: URL): string | undefined {
  return url.searchParams.get(FUNCTION_TAG) || undefined
}

/**
 * LOCALCLOUD_QUERY_LOG=file appends the shapes a server saw to `file` when it closes, one JSON line
 * each: how the figures of every query the tests make are gathered across test files.
 */
function logShapes(shapes: RecordedShape[]): void {
  const file = process.env.LOCALCLOUD_QUERY_LOG
  if (!file || shapes.length === 0) return
  const lines = shapes.map((s) => JSON.stringify({ ...s, fn: s.fn ?? null }))
  appendFileSync(file, lines.map((l) => `${l}\n`).join(''))
}

/** The field lists of each collection's declared indexes of more than one field (store.ts, compound.ts). */
function declaredCompound(spec: EnvironmentSpec): Record<string, string[][]> {
  const out: Record<string, string[][]> = {}
  for (const c of spec.collections) out[c.name] = c.indexes.filter((i) => i.fields.length > 1).map((i) => i.fields.map(([f]) => f))
  return out
}

/** The fields of each collection's declared indexes, which the store indexes from the start. */
function declaredFields(spec: EnvironmentSpec): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const c of spec.collections) out[c.name] = [...new Set(c.indexes.flatMap((i) => i.fields.map(([f]) => f)))]
  return out
}

export async function startDbServer(opts: DbServerOptions): Promise<DbServer> {
  const now = opts.now ?? Date.now
  const host = opts.host ?? '127.0.0.1'
  const spec = opts.environment ?? declaredEnvironment
  const notablescan = opts.notablescan ?? process.env.LOCALCLOUD_NOTABLESCAN === '1'
  const coverage = new QueryCoverage(spec, { enforce: notablescan })
  const store = new DocStore(opts.dataDir, declaredFields(spec), declaredCompound(spec))
  const transactions = new TransactionManager(store, now)
  const stats = new StatsCounter()
  let duplicateKeyForm: DuplicateKeyForm = opts.duplicateKeyForm ?? 'E11000'
  let documentWrites = 0
  // Read at each use (not captured), so a test that moves Date.now moves the codes' 5 minutes too.
  const phoneCodes = new PhoneCodes(opts.now ?? (() => Date.now()))
  let h5Origin = DEFAULT_H5_ORIGIN
  const subscribe = new SubscribeMessages(opts.now ?? (() => Date.now()))
  store.onBeforeWrite(() => {
    documentWrites++
  })

  /** One SDK request, start to end without awaiting: it is applied atomically. */
  function handleSdkCall(text: string, fn: string | undefined): { status: number; body: Record<string, unknown> } {
    const requestId = newRequestId()
    let params: unknown
    try {
      params = JSON.parse(text)
    } catch {
      const err = invalidParam('request body is not valid JSON')
      return { status: 400, body: { requestId, code: err.code, message: err.message } }
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params)) {
      const err = invalidParam('request body must be a JSON object')
      return { status: 400, body: { requestId, code: err.code, message: err.message } }
    }
    const p = params as Record<string, unknown>
    const action = typeof p.action === 'string' ? p.action : ''
    if (action) stats.record(action, typeof p.collectionName === 'string' ? p.collectionName : undefined)
    try {
      const handler = Object.prototype.hasOwnProperty.call(ACTIONS, action) ? ACTIONS[action] : undefined
      if (!handler) throw invalidParam(`unknown action ${JSON.stringify(action)}`)
      const ctx: ActionContext = { store, transactions, now: now(), duplicateKeyForm, coverage: coverage.by(fn) }
      return { status: 200, body: { requestId, ...handler(p, ctx) } }
    } catch (err) {
      const e = toDbError(err)
      return { status: 200, body: { requestId, code: e.code, message: e.message } }
    }
  }

  async function setFormFromBody(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let form: unknown
    try {
      form = (JSON.parse(await readBody(req)) as { form?: unknown })?.form
    } catch {
      form = undefined
    }
    if (!isDuplicateKeyForm(form)) {
      return sendJson(res, 400, { code: 'INVALID_PARAM', message: `form must be one of ${DUPLICATE_KEY_FORMS.join(', ')}` })
    }
    duplicateKeyForm = form
    return sendJson(res, 200, { form })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local')
    const fault = FAULT_PATH.exec(url.pathname)
    if (fault && req.method === 'POST') return injectFault(fault[1] as 'kill' | 'lose' | 'fail', req, res, functionOf(url))
    if (url.pathname.startsWith('/_local/')) {
      if (req.method === 'PUT' && url.pathname.startsWith(UPLOAD_URL_PREFIX)) return storeUploadedFile(req, res, url.pathname, opts.dataDir)
      if (req.method === 'GET' && url.pathname.startsWith(STORAGE_URL_PREFIX)) {
        req.resume()
        return serveStorageFile(res, url.pathname, opts.dataDir)
      }
      if (req.method === 'GET' && url.pathname === '/_local/health') return sendJson(res, 200, { ok: true })
      if (req.method === 'GET' && url.pathname === '/_local/stats') return sendJson(res, 200, stats.snapshot())
      if (req.method === 'GET' && url.pathname === '/_local/billing') return sendJson(res, 200, stats.billing())
      if (req.method === 'POST' && url.pathname === '/_local/stats/reset') {
        req.resume()
        stats.reset()
        return sendJson(res, 200, { ok: true })
      }
      if (req.method === 'POST' && url.pathname === '/_local/phone-code') return mintFromBody(req, res)
      if (req.method === 'POST' && url.pathname === '/_local/subscribe-accept') return acceptFromBody(req, res)
      if (req.method === 'GET' && url.pathname === '/_local/subscribe-messages') {
        req.resume()
        return sendJson(res, 200, { messages: subscribe.messages(url.searchParams.get('touser') ?? undefined) })
      }
      if (url.pathname === '/_local/duplicate-key') {
        if (req.method === 'GET') return sendJson(res, 200, { form: duplicateKeyForm })
        if (req.method === 'POST') return setFormFromBody(req, res)
      }
      req.resume()
      return sendJson(res, 404, { code: 'INVALID_PARAM', message: `no route ${req.method} ${url.pathname}` })
    }
    if (req.method !== 'POST') {
      req.resume()
      return sendJson(res, 405, { code: 'INVALID_PARAM', message: 'SDK calls are POST requests' })
    }
    let bytes: Buffer
    try {
      bytes = await readBodyBytes(req)
    } catch (err) {
      const status = err instanceof BodyError ? err.status : 400
      const e = err instanceof BodyError ? err.error : invalidParam('could not read the request body')
      return sendJson(res, status, { requestId: newRequestId(), code: e.code, message: e.message })
    }
    if (isMultipart(req)) return sendOpenApi(res, bytes, req.headers['content-type'] ?? '')
    const download = downloadUrlsOf(bytes, req)
    if (download) return sendJson(res, 200, download)
    const deleted = deletedFilesOf(bytes)
    if (deleted) return sendJson(res, 200, deleted)
    const upload = uploadMetadataOf(bytes, req)
    if (upload) return sendJson(res, 200, upload)
    const { status, body } = handleSdkCall(bytes.toString('utf8'), functionOf(url))
    sendJson(res, status, body)
  }

  /** storage.batchGetDownloadUrl (cloud.downloadFile's first step): answered here, not by the database. */
  function downloadUrlsOf(bytes: Buffer, req: IncomingMessage): Record<string, unknown> | null {
    if (!bytes.includes('storage.batchGetDownloadUrl')) return null
    let p: Record<string, unknown>
    try {
      p = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
    } catch {
      return null
    }
    if (p?.action !== 'storage.batchGetDownloadUrl') return null
    stats.record('storage.batchGetDownloadUrl')
    return { requestId: newRequestId(), data: downloadList(p, `http://${req.headers.host ?? host}`, opts.dataDir) }
  }

  /** storage.batchDeleteFile (cloud.deleteFile): answered here, not by the database. */
  function deletedFilesOf(bytes: Buffer): Record<string, unknown> | null {
    if (!bytes.includes('storage.batchDeleteFile')) return null
    let p: Record<string, unknown>
    try {
      p = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
    } catch {
      return null
    }
    if (p?.action !== 'storage.batchDeleteFile') return null
    stats.record('storage.batchDeleteFile')
    const data = deleteList(p, opts.dataDir)
    if (!data) return { requestId: newRequestId(), code: 'INVALID_PARAM', message: 'fileid_list: at most 50 files' }
    return { requestId: newRequestId(), data }
  }

  /** storage.getUploadMetadata (cloud.uploadFile's first step; the PUT of the bytes follows): answered here. */
  function uploadMetadataOf(bytes: Buffer, req: IncomingMessage): Record<string, unknown> | null {
    if (!bytes.includes('storage.getUploadMetadata')) return null
    let p: Record<string, unknown>
    try {
      p = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
    } catch {
      return null
    }
    if (p?.action !== 'storage.getUploadMetadata') return null
    stats.record('storage.getUploadMetadata')
    const data = uploadMetadata(p, `http://${req.headers.host ?? host}`)
    if (!data) return { requestId: newRequestId(), code: 'INVALID_PARAM', message: 'path: not a valid cloud path' }
    return { requestId: newRequestId(), data }
  }

  function isMultipart(req: IncomingMessage): boolean {
    return /^multipart\/form-data/i.test(req.headers['content-type'] ?? '')
  }

  /** A cloud call (`wx.openApi`): the stand-in's protobuf answer, as bytes (openapi.ts). */
  function sendOpenApi(res: ServerResponse, bytes: Buffer, contentType: string): void {
    const fields = parseMultipart(bytes, contentType)
    const action = fields.get('action')?.toString('utf8') ?? ''
    stats.record(action || 'wx.openApi')
    if (action !== 'wx.openApi') {
      return sendJson(res, 200, { requestId: newRequestId(), code: 'INVALID_PARAM', message: `unknown action ${JSON.stringify(action)}` })
    }
    const answer = answerOpenApi(fields, phoneCodes, subscribe, h5Origin)
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': answer.length })
    res.end(answer)
  }

  async function mintFromBody(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let input: { openid?: unknown; phone?: unknown; countryCode?: unknown } | null
    try {
      input = JSON.parse(await readBody(req)) as typeof input
    } catch {
      input = null
    }
    if (typeof input?.openid !== 'string' || !input.openid || typeof input.phone !== 'string' || !/^\d{5,20}$/.test(input.phone)) {
      return sendJson(res, 400, { code: 'INVALID_PARAM', message: 'send { openid, phone } (phone: digits)' })
    }
    const countryCode = typeof input.countryCode === 'string' ? input.countryCode : undefined
    return sendJson(res, 200, { code: phoneCodes.mint(input.openid, input.phone, countryCode) })
  }

  async function acceptFromBody(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let input: { openid?: unknown; templateIds?: unknown } | null
    try {
      input = JSON.parse(await readBody(req)) as typeof input
    } catch {
      input = null
    }
    const ids = input?.templateIds
    if (typeof input?.openid !== 'string' || !input.openid || !Array.isArray(ids) || !ids.every((t) => typeof t === 'string')) {
      return sendJson(res, 400, { code: 'INVALID_PARAM', message: 'send { openid, templateIds: string[] }' })
    }
    const openid = input.openid
    const unused: Record<string, number> = {}
    for (const id of ids as string[]) unused[id] = subscribe.accept(openid, id)
    return sendJson(res, 200, { unused })
  }

  /** Dev-only faults (see gateway/faults.ts): kill = drop unapplied, lose = apply then drop, fail = answer an error. */
  async function injectFault(
    mode: 'kill' | 'lose' | 'fail',
    req: IncomingMessage,
    res: ServerResponse,
    fn: string | undefined,
  ): Promise<void> {
    const bytes = await readBodyBytes(req).catch(() => Buffer.alloc(0))
    const text = bytes.toString('utf8')
    if (mode === 'fail') {
      return sendJson(res, 200, {
        requestId: newRequestId(),
        code: 'SYS_ERR',
        message: '[InternalError] injected fault: the request was not applied',
      })
    }
    if (mode === 'lose') {
      if (isMultipart(req)) answerOpenApi(parseMultipart(bytes, req.headers['content-type'] ?? ''), phoneCodes, subscribe, h5Origin)
      else handleSdkCall(text, fn)
    }
    res.socket?.destroy()
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      const e = toDbError(err)
      sendJson(res, 500, { requestId: newRequestId(), code: 'SYS_ERR', message: e.message })
    })
  })
  // A long aggregation blocks the event loop; when it ends, idle keep-alive sockets past Node's
  // 5 s default would be closed just as the SDK reuses them ("socket hang up"). Keep them longer
  // than any request takes here.
  server.keepAliveTimeout = 120_000
  server.headersTimeout = 125_000
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(opts.port ?? 0, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (err) {
    store.close()
    throw err
  }

  const port = (server.address() as AddressInfo).port
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  let closed: Promise<void> | null = null

  return {
    url: `http://${urlHost}:${port}/admin`,
    port,
    stats: () => stats.snapshot(),
    billing: () => stats.billing(),
    resetStats: () => stats.reset(),
    setDuplicateKeyForm: (form) => {
      if (!isDuplicateKeyForm(form)) throw new Error(`unknown duplicate key form ${String(form)}`)
      duplicateKeyForm = form
    },
    documentWrites: () => documentWrites,
    queryShapes: () => coverage.shapes(),
    notablescan,
    mintPhoneCode: (openid, phone, countryCode) => phoneCodes.mint(openid, phone, countryCode),
    setH5Origin: (origin) => {
      h5Origin = origin.replace(/\/+$/, '')
    },
    acceptSubscribe: (openid, templateId, count) => subscribe.accept(openid, templateId, count),
    subscribeMessages: (touser) => subscribe.messages(touser),
    unusedAcceptances: (openid, templateId) => subscribe.unusedOf(openid, templateId),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => {
          logShapes(coverage.shapes())
          store.close()
          resolve()
        })
        server.closeAllConnections()
      })
      return closed
    },
  }
}
