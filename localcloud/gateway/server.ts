// The local gateway: serves the h5 build and runs cloud function calls for it, playing the caller's
// OPENID (header x-dev-openid, chosen with the h5 app's dev-only person switcher).
//   POST /api/call          { fn, action, input }  -> the function's envelope
//   GET  /api/dev/personas  the seeded test people
//   GET  /api/health
//   GET  /storage/<path>   files of the local cloud storage (fileID cloud://localcloud/<path>)
//   POST /storage/upload?folder=<folder>  a PNG/JPEG picture as the raw body (max 5 MB), as the person
//                          in x-dev-openid -> { fileID }; refusals answer { ok: false, code, message }
//   POST /api/dev/subscribe-accept  { templateIds } as the person in x-dev-openid -> { unused }: what
//                          an 允许 in WeChat's subscribe dialog records (the h5 stand-in's, subscribePrompt.h5.ts)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { ERROR_MESSAGES, type ErrorCode } from '../../src/shared/errors'
import { seedPeople } from '../seed/data'
import { invokeFunction, knownFunctions } from './functions'
import { BodyTooLarge, readBody, sendJson } from './http-util'
import { serveStatic } from './static'
import { serveStorage, storeUpload, STORAGE_PREFIX, UPLOAD_PATH, UploadRefused } from './storage'

const callSchema = z.object({
  fn: z.string().min(1).max(64),
  action: z.string().min(1).max(64),
  input: z.unknown().optional(),
})
const OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/

export interface GatewayOptions {
  port?: number
  host?: string
  /** Folder of the h5 build to serve; omitted = API only. */
  staticDir?: string
  /** Serve every static file with `no-cache` (npm run dev: file names stay the same between rebuilds). */
  staticNoCache?: boolean
  /** Folder of the local cloud storage (`<dataDir>/storage`); omitted = no /storage. */
  storageDir?: string
  /**
   * Records one acceptance of each template for the person (the local openapi's subscribe stand-in,
   * DbServer.acceptSubscribe); answers how many messages each may still be sent. Omitted = no route.
   */
  acceptSubscribe?: (openid: string, templateIds: string[]) => Record<string, number>
}

const acceptSchema = z.object({ templateIds: z.array(z.string().min(1).max(64)).min(1).max(3) })

export interface Gateway {
  url: string
  port: number
  server: Server
  close(): Promise<void>
}

function failure(code: ErrorCode) {
  return { ok: false, code, message: ERROR_MESSAGES[code] }
}

/** The caller's OPENID from x-dev-openid, '' when there is none or it is malformed. */
function callerOf(req: IncomingMessage): string {
  const header = req.headers['x-dev-openid']
  return typeof header === 'string' && OPENID_RE.test(header) ? header : ''
}

/** Answers a refusal before (or instead of) reading the body: the rest is drained, the connection closed. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: ErrorCode): void {
  req.resume()
  res.setHeader('connection', 'close')
  sendJson(res, status, failure(code))
}

/** POST /api/dev/subscribe-accept: the person (x-dev-openid) allows the templates once each. */
async function acceptSubscribe(
  accept: NonNullable<GatewayOptions['acceptSubscribe']>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') return refuse(req, res, 405, 'MALFORMED_REQUEST')
  const openid = callerOf(req)
  if (!openid) return refuse(req, res, 401, 'UNAUTHENTICATED')
  let body: unknown
  try {
    body = JSON.parse(await readBody(req))
  } catch {
    return sendJson(res, 400, failure('MALFORMED_REQUEST'))
  }
  const input = acceptSchema.safeParse(body)
  if (!input.success) return sendJson(res, 400, failure('MALFORMED_REQUEST'))
  return sendJson(res, 200, { unused: accept(openid, input.data.templateIds) })
}

/** POST /storage/upload?folder=<folder>: one picture into the local cloud storage, for a known caller. */
async function upload(storageDir: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'POST') return refuse(req, res, 405, 'MALFORMED_REQUEST')
  if (!callerOf(req)) return refuse(req, res, 401, 'UNAUTHENTICATED')
  try {
    const stored = await storeUpload(storageDir, req, url.searchParams.get('folder'))
    return sendJson(res, 200, stored)
  } catch (err) {
    if (err instanceof UploadRefused) return refuse(req, res, err.status, err.code)
    throw err
  }
}

export async function startGateway(opts: GatewayOptions = {}): Promise<Gateway> {
  const functions = new Set(knownFunctions())
  const personas = seedPeople.map((p) => ({ openid: p._id, label: p.label, persona: p.persona }))

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local')
    try {
      if (url.pathname === '/api/call') {
        if (req.method !== 'POST') return sendJson(res, 405, failure('MALFORMED_REQUEST'))
        let text: string
        try {
          text = await readBody(req)
        } catch (err) {
          if (err instanceof BodyTooLarge) {
            res.setHeader('connection', 'close')
            return sendJson(res, 413, failure('PAYLOAD_TOO_LARGE'))
          }
          throw err
        }
        let body: unknown
        try {
          body = JSON.parse(text)
        } catch {
          return sendJson(res, 400, failure('MALFORMED_REQUEST'))
        }
        const call = callSchema.safeParse(body)
        if (!call.success) return sendJson(res, 400, failure('MALFORMED_REQUEST'))
        if (!functions.has(call.data.fn)) return sendJson(res, 404, failure('UNKNOWN_FUNCTION'))
        const openid = callerOf(req)
        const result = await invokeFunction(call.data.fn, { action: call.data.action, input: call.data.input }, openid)
        return sendJson(res, 200, result)
      }
      if (url.pathname === '/api/dev/personas') return sendJson(res, 200, { personas })
      if (url.pathname === '/api/health') return sendJson(res, 200, { ok: true })
      if (url.pathname === '/api/dev/subscribe-accept' && opts.acceptSubscribe) return await acceptSubscribe(opts.acceptSubscribe, req, res)
      if (url.pathname.startsWith('/api/')) return sendJson(res, 404, failure('UNKNOWN_FUNCTION'))
      if (url.pathname === UPLOAD_PATH && opts.storageDir) return await upload(opts.storageDir, req, res, url)
      if (url.pathname.startsWith(STORAGE_PREFIX) && opts.storageDir) return serveStorage(opts.storageDir, req, res, url.pathname)
      if (opts.staticDir) return serveStatic(opts.staticDir, req, res, { noCache: opts.staticNoCache })
      return sendJson(res, 404, failure('NOT_FOUND'))
    } catch (err) {
      console.error('[gateway] request failed', err)
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL'))
      else res.end()
    }
  })
  server.keepAliveTimeout = 5000

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
