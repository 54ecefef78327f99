// Uploads to the local cloud storage over HTTP: POST /storage/upload?folder=<folder> stores a PNG or
// JPEG picture for a known caller and answers its fileID, which GET /storage/<path> then serves byte
// for byte. Anything refused answers its code and leaves the storage folder as it was.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { storageDirOf } from '../../gateway/storage'
import { startTestCloud, type TestCloud } from '../harness'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud('never')
})
afterAll(async () => {
  await cloud.stop()
})

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** Bytes that begin like a PNG (the gateway checks the signature, not the whole picture). */
function pngBytes(size = 256): Buffer {
  const b = Buffer.alloc(size)
  for (let i = 0; i < size; i++) b[i] = (i * 31 + 7) & 0xff
  PNG_MAGIC.forEach((v, i) => (b[i] = v))
  return b
}
function jpegBytes(size = 256): Buffer {
  const b = Buffer.alloc(size, 0x42)
  b[0] = 0xff
  b[1] = 0xd8
  b[2] = 0xff
  b[3] = 0xe0
  return b
}

/** Every file under the storage folder, relative, with its size. */
function storedFiles(): string[] {
  const root = storageDirOf(cloud.dataDir)
  const out: string[] = []
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else out.push(path.relative(root, full))
    }
  }
  walk(root)
  return out.sort()
}

async function upload(
  folder: string | null,
  body: Buffer,
  { type = 'image/png', openid = 'dev-organiser' as string | null, method = 'POST' } = {},
) {
  const headers: Record<string, string> = { 'content-type': type }
  if (openid !== null) headers['x-dev-openid'] = openid
  const query = folder === null ? '' : `?folder=${encodeURIComponent(folder)}`
  const res = await fetch(`${cloud.gateway.url}/storage/upload${query}`, {
    method,
    headers,
    body: method === 'GET' ? undefined : Uint8Array.from(body),
  })
  return { status: res.status, json: (await res.json()) as any }
}

/** A refused upload: its status and code, a Chinese message, and no file written. */
async function expectRefused(p: Promise<{ status: number; json: any }>, status: number, code: string) {
  const before = storedFiles()
  const res = await p
  expect(res.status).toBe(status)
  expect(res.json).toMatchObject({ ok: false, code })
  expect(res.json.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(res.json.fileID).toBeUndefined()
  expect(storedFiles()).toEqual(before)
}

test('a PNG is stored under its folder and GET /storage serves the same bytes', async () => {
  const bytes = pngBytes(4096)
  const res = await upload('publicity/nc2026/donghu', bytes)
  expect(res.status).toBe(200)
  expect(res.json.fileID).toMatch(/^cloud:\/\/localcloud\/publicity\/nc2026\/donghu\/[0-9a-f]{24}\.png$/)
  const storagePath = res.json.fileID.replace('cloud://localcloud/', '')
  expect(existsSync(path.join(storageDirOf(cloud.dataDir), ...storagePath.split('/')))).toBe(true)
  const got = await fetch(`${cloud.gateway.url}/storage/${storagePath}`)
  expect(got.status).toBe(200)
  expect(got.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true)
})

test('a JPEG is stored as .jpg; two uploads never share a name', async () => {
  const bytes = jpegBytes(1000)
  const a = await upload('photos', bytes, { type: 'image/jpeg' })
  const b = await upload('photos', bytes, { type: 'image/jpeg' })
  expect(a.status).toBe(200)
  expect(a.json.fileID).toMatch(/^cloud:\/\/localcloud\/photos\/[0-9a-f]{24}\.jpg$/)
  expect(b.json.fileID).not.toBe(a.json.fileID)
  const got = await fetch(`${cloud.gateway.url}/storage/${b.json.fileID.replace('cloud://localcloud/', '')}`)
  expect(got.headers.get('content-type')).toBe('image/jpeg')
  expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true)
})

test('a picture of exactly 5 MB is taken', async () => {
  const res = await upload('big', pngBytes(5 * 1024 * 1024))
  expect(res.status).toBe(200)
})

test('a type that is not PNG or JPEG answers 400 VALIDATION_FAILED', async () => {
  await expectRefused(upload('photos', pngBytes(), { type: 'image/gif' }), 400, 'VALIDATION_FAILED')
  await expectRefused(
    upload('photos', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), { type: 'image/svg+xml' }),
    400,
    'VALIDATION_FAILED',
  )
  await expectRefused(upload('photos', pngBytes(), { type: 'application/octet-stream' }), 400, 'VALIDATION_FAILED')
})

test('bytes that do not match the declared type answer 400 VALIDATION_FAILED', async () => {
  await expectRefused(upload('photos', jpegBytes(), { type: 'image/png' }), 400, 'VALIDATION_FAILED')
  await expectRefused(upload('photos', pngBytes(), { type: 'image/jpeg' }), 400, 'VALIDATION_FAILED')
  await expectRefused(upload('photos', Buffer.from('<html>not a picture</html>'), { type: 'image/png' }), 400, 'VALIDATION_FAILED')
  await expectRefused(upload('photos', Buffer.alloc(0), { type: 'image/png' }), 400, 'VALIDATION_FAILED')
  // The signature alone, no picture after it.
  await expectRefused(upload('photos', Buffer.from(PNG_MAGIC), { type: 'image/png' }), 400, 'VALIDATION_FAILED')
})

test('a picture over 5 MB answers 413 PAYLOAD_TOO_LARGE and the gateway keeps serving', async () => {
  await expectRefused(upload('big', pngBytes(5 * 1024 * 1024 + 1)), 413, 'PAYLOAD_TOO_LARGE')
  await expectRefused(upload('big', pngBytes(8 * 1024 * 1024)), 413, 'PAYLOAD_TOO_LARGE')
  expect((await upload('big', pngBytes())).status).toBe(200)
})

test('a body streamed past 5 MB without a length answers 413 and writes nothing', async () => {
  const before = storedFiles()
  const chunk = pngBytes(1024 * 1024)
  let sent = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= 6) return controller.close()
      sent++
      controller.enqueue(chunk)
    },
  })
  const res = await fetch(`${cloud.gateway.url}/storage/upload?folder=stream`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-dev-openid': 'dev-organiser' },
    body: stream,
    duplex: 'half',
  } as RequestInit)
  expect(res.status).toBe(413)
  expect(((await res.json()) as any).code).toBe('PAYLOAD_TOO_LARGE')
  expect(storedFiles()).toEqual(before)
})

test('a bad folder answers 400 MALFORMED_REQUEST', async () => {
  for (const folder of [
    null,
    '',
    '../outside',
    'a/../../b',
    'a//b',
    '/abs',
    'trailing/',
    'a\\b',
    'a:b',
    'with space',
    '中文',
    'a.b',
    'x'.repeat(101),
  ]) {
    await expectRefused(upload(folder, pngBytes()), 400, 'MALFORMED_REQUEST')
  }
  expect(existsSync(path.join(cloud.dataDir, 'outside'))).toBe(false)
})

test('no caller (or a malformed one) answers 401 UNAUTHENTICATED', async () => {
  await expectRefused(upload('photos', pngBytes(), { openid: null }), 401, 'UNAUTHENTICATED')
  await expectRefused(upload('photos', pngBytes(), { openid: '' }), 401, 'UNAUTHENTICATED')
  await expectRefused(upload('photos', pngBytes(), { openid: 'a b/c' }), 401, 'UNAUTHENTICATED')
})

test('another method on the upload path answers 405', async () => {
  await expectRefused(upload('photos', pngBytes(), { method: 'PUT' }), 405, 'MALFORMED_REQUEST')
  await expectRefused(upload('photos', pngBytes(), { method: 'GET' }), 405, 'MALFORMED_REQUEST')
})
