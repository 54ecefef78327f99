// The local stand-in for WeChat's cloud calls (云调用, `cloud.openapi.*` in a function). The unmodified
// wx-server-sdk sends them to the same URL as database calls (node-sdk's `wx.openApi` action): a
// multipart/form-data POST whose `requestData` is a protobuf CommApiData holding the call's
// parameters (each a JSON value), and whose `wxCloudApiToken` is the token the platform gives each
// function invocation (WX_API_TOKEN: locally it names the caller, gateway/wx-context.ts). The
// answer is a protobuf CommOpenApiResp holding WeChat's JSON answer (`errcode`/`errmsg` on a refusal,
// which wx-server-sdk throws as errCode).
//
// Stand-ins, each keeping the platform's documented rules:
//  - phonenumber.getPhoneNumber({ code }) (手机号快速验证): a code is valid once, for 5 minutes, and
//    only for the person who tapped the button (here: the openid it was minted for); otherwise
//    errcode 40029 (invalid code), as WeChat answers. Codes are minted by tests and dev tools with
//    PhoneCodes.mint (DbServer.mintPhoneCode, POST /_local/phone-code), the part the button plays.
//  - security.msgSecCheck v2 ({ version: 2, scene 1-4, openid, content }): `risky` (label 20001)
//    when the content holds a word of securityWords.ts, else `pass`; a missing or wrong version,
//    scene, openid or content answers errcode 47001 (data format error) as WeChat does.
//  - security.imgSecCheck ({ media: { contentType, value } }): errcode 87014 (risky content) when the
//    picture's bytes hold the ASCII marker FLAGGED_IMAGE_MARKER, else errcode 0; no media: 47001.
//  - wxacode.getUnlimited ({ scene, page, check_path, env_version, width }): a PNG QR code of the h5
//    address of the page with the scene (wxacodeAddress), answered as WeChat answers a picture; the
//    documented rules (checkGetUnlimited) answer their errcodes (40169 scene, 41030 page, 40097).
//  - subscribeMessage.send ({ touser, template_id, page, data, miniprogram_state }): one message per
//    acceptance (一次性订阅) of that template by that openid, else errcode 43101 (user refuse to accept
//    the msg); a template of config/subscribe.ts only, else 40037 (invalid template_id); every field of
//    the template present and within its type's limit, else 47003 (argument invalid). Acceptances are
//    minted the way phone codes are (SubscribeMessages.accept; DbServer.acceptSubscribe, POST
//    /_local/subscribe-accept: the part requestSubscribeMessage plays); every message sent is kept
//    (DbServer.subscribeMessages, GET /_local/subscribe-messages) for tests and the dev tools.
// Any other API answers errcode 48001 (api unauthorized).
import { randomBytes } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import qrcode from 'qrcode-generator'
import { SUBSCRIBE_TEMPLATES } from '../../config/subscribe'
import { fitsField } from '../../src/shared/domain/subscribe'
import { FLAGGED_IMAGE_MARKER, SECURITY_WORDS } from './securityWords'

/** How long a phone code stays valid (WeChat: 5 minutes). */
export const PHONE_CODE_TTL_MS = 5 * 60_000

/** The prefix of a local invocation token (gateway/wx-context.ts makes them). */
export const LOCAL_API_TOKEN_PREFIX = 'localcloud.'

/** The local invocation token of a call by `openid` (the platform's WX_API_TOKEN, made readable). */
export function localApiToken(openid: string): string {
  return `${LOCAL_API_TOKEN_PREFIX}${Buffer.from(openid, 'utf8').toString('base64url')}`
}

/** The caller a local invocation token names ('' for none or a foreign token). */
export function callerOfToken(token: string | undefined): string {
  if (!token || !token.startsWith(LOCAL_API_TOKEN_PREFIX)) return ''
  return Buffer.from(token.slice(LOCAL_API_TOKEN_PREFIX.length), 'base64url').toString('utf8')
}

// ------------------------------------------------------------------ protobuf, the little needed

type Field = number | Buffer

function readVarint(buf: Buffer, pos: number): [number, number] {
  let value = 0
  let shift = 0
  for (;;) {
    if (pos >= buf.length) throw new Error('protobuf: truncated varint')
    const byte = buf[pos++]
    value += (byte & 0x7f) * 2 ** shift
    if (byte < 0x80) return [value, pos]
    shift += 7
  }
}

/** A protobuf message's fields by number (varints as numbers, length-delimited as buffers). */
export function decodeMessage(buf: Buffer): Map<number, Field[]> {
  const out = new Map<number, Field[]>()
  let pos = 0
  while (pos < buf.length) {
    let key: number
    ;[key, pos] = readVarint(buf, pos)
    const field = Math.floor(key / 8)
    const wire = key & 7
    let value: Field
    if (wire === 0) [value, pos] = readVarint(buf, pos)
    else if (wire === 2) {
      let len: number
      ;[len, pos] = readVarint(buf, pos)
      value = buf.subarray(pos, pos + len)
      pos += len
    } else if (wire === 1) {
      value = buf.subarray(pos, pos + 8)
      pos += 8
    } else if (wire === 5) {
      value = buf.subarray(pos, pos + 4)
      pos += 4
    } else throw new Error(`protobuf: wire type ${wire} not handled`)
    out.set(field, [...(out.get(field) ?? []), value])
  }
  return out
}

function varint(n: number): Buffer {
  const bytes: number[] = []
  let v = n
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80)
    v = Math.floor(v / 0x80)
  }
  bytes.push(v)
  return Buffer.from(bytes)
}

function bytesField(field: number, value: Buffer): Buffer {
  return Buffer.concat([varint(field * 8 + 2), varint(value.length), value])
}

function varintField(field: number, value: number): Buffer {
  return Buffer.concat([varint(field * 8), varint(value)])
}

/**
 * The parameters of a CommApiData (openapiData.pairs), each JSON-decoded (raw text when not JSON);
 * a file pair (one carrying a file name or content type) as { contentType, filename, value: its bytes }.
 */
export function openApiParams(requestData: Buffer): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  const message = decodeMessage(requestData)
  const openapiData = message.get(2)?.[0]
  if (!Buffer.isBuffer(openapiData)) return params
  for (const pair of decodeMessage(openapiData).get(1) ?? []) {
    if (!Buffer.isBuffer(pair)) continue
    const kv = decodeMessage(pair)
    const key = kv.get(1)?.[0]
    const value = kv.get(2)?.[0]
    if (!Buffer.isBuffer(key) || !Buffer.isBuffer(value)) continue
    // A file (imgSecCheck's media): its bytes, with the file name wx-server-sdk sends beside (field 4;
    // its content type goes in field 3 when set, which wx-server-sdk 3.x leaves out).
    const contentType = kv.get(3)?.[0]
    const filename = kv.get(4)?.[0]
    if (Buffer.isBuffer(contentType) || Buffer.isBuffer(filename)) {
      params[key.toString('utf8')] = {
        contentType: Buffer.isBuffer(contentType) ? contentType.toString('utf8') : '',
        filename: Buffer.isBuffer(filename) ? filename.toString('utf8') : '',
        value: Buffer.from(value),
      }
      continue
    }
    const text = value.toString('utf8')
    try {
      params[key.toString('utf8')] = JSON.parse(text)
    } catch {
      params[key.toString('utf8')] = text
    }
  }
  return params
}

/** A CommOpenApiResp carrying WeChat's JSON answer. */
export function openApiResponse(json: Record<string, unknown>): Buffer {
  return Buffer.concat([
    bytesField(1, Buffer.from(JSON.stringify(json), 'utf8')),
    bytesField(2, Buffer.from('application/json; charset=utf-8', 'utf8')),
    varintField(4, 200),
  ])
}

// ------------------------------------------------------------------ multipart/form-data

/** The fields of a multipart/form-data body (node-sdk's form-data), each as bytes. */
export function parseMultipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const fields = new Map<string, Buffer>()
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!boundary) return fields
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`)
  let start = body.indexOf(delimiter)
  while (start >= 0) {
    const partStart = start + delimiter.length
    if (body.subarray(partStart, partStart + 2).toString() === '--') break
    const next = body.indexOf(delimiter, partStart)
    if (next < 0) break
    // The part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = body.subarray(partStart + 2, next - 2)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8')
      const name = /name="([^"]*)"/i.exec(headers)?.[1]
      if (name !== undefined) fields.set(name, part.subarray(headerEnd + 4))
    }
    start = next
  }
  return fields
}

// ------------------------------------------------------------------ the phone-number codes

interface PhoneCode {
  openid: string
  phone: string
  countryCode: string
  issuedAt: number
  used: boolean
}

/** WeChat's answer to a code that is unknown, used, expired or not the caller's. */
const INVALID_CODE = { errcode: 40029, errmsg: 'invalid code' }

export class PhoneCodes {
  private readonly codes = new Map<string, PhoneCode>()

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** What the phone-number button does: a one-time code for `openid`'s number. */
  mint(openid: string, phone: string, countryCode = '86'): string {
    const code = randomBytes(16).toString('hex')
    this.codes.set(code, { openid, phone, countryCode, issuedAt: this.now(), used: false })
    return code
  }

  /** phonenumber.getPhoneNumber as the caller `openid`: WeChat's JSON answer. */
  getPhoneNumber(openid: string, params: Record<string, unknown>): Record<string, unknown> {
    const code = typeof params.code === 'string' ? params.code : ''
    const entry = this.codes.get(code)
    if (!entry || entry.used || entry.openid !== openid || this.now() - entry.issuedAt > PHONE_CODE_TTL_MS) return INVALID_CODE
    entry.used = true
    const pure = entry.phone
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phone_number: entry.countryCode === '86' ? pure : `+${entry.countryCode}${pure}`,
        pure_phone_number: pure,
        country_code: entry.countryCode,
        watermark: { timestamp: Math.floor(this.now() / 1000), appid: 'wxlocal0000000000' },
      },
    }
  }
}

const DATA_FORMAT_ERROR = { errcode: 47001, errmsg: 'data format error' }

/** security.msgSecCheck (version 2) as the local stand-in: WeChat's JSON answer. */
export function msgSecCheck(params: Record<string, unknown>): Record<string, unknown> {
  const { version, scene, openid, content } = params
  if (version !== 2 || typeof scene !== 'number' || ![1, 2, 3, 4].includes(scene)) return DATA_FORMAT_ERROR
  if (typeof openid !== 'string' || !openid || typeof content !== 'string' || !content) return DATA_FORMAT_ERROR
  const hit = SECURITY_WORDS.find((w) => content.includes(w))
  const result = hit ? { suggest: 'risky', label: 20001 } : { suggest: 'pass', label: 100 }
  return {
    errcode: 0,
    errmsg: 'ok',
    result,
    detail: [{ strategy: 'content_model', errcode: 0, ...result, keyword: hit ?? '', prob: hit ? 90 : 0 }],
    trace_id: randomBytes(8).toString('hex'),
  }
}

/** The bytes of a media parameter (a file pair's bytes; or a Buffer as JSON, an array of bytes, plain text). */
function mediaBytes(media: unknown): Buffer | null {
  if (!media || typeof media !== 'object') return null
  const value = (media as { value?: unknown }).value
  if (Buffer.isBuffer(value)) return value
  if (typeof value === 'string') return Buffer.from(value, 'utf8')
  if (Array.isArray(value)) return Buffer.from(value as number[])
  const data = (value as { data?: unknown } | null)?.data
  if (Array.isArray(data)) return Buffer.from(data as number[])
  return null
}

/** security.imgSecCheck as the local stand-in: WeChat's JSON answer. */
export function imgSecCheck(params: Record<string, unknown>): Record<string, unknown> {
  const bytes = mediaBytes(params.media)
  if (!bytes || bytes.length === 0) return DATA_FORMAT_ERROR
  if (bytes.includes(Buffer.from(FLAGGED_IMAGE_MARKER, 'ascii'))) return { errcode: 87014, errmsg: 'risky content' }
  return { errcode: 0, errmsg: 'ok' }
}

// ------------------------------------------------------------------ wxacode.getUnlimited (小程序码)
// BEGIN wxacode stand-in: the poster's 小程序码 (issue 18, item 4). Kept in this block for merging.

/** Where the QR of the local 小程序码 leads when the local cloud has not said (its gateway's origin). */
export const DEFAULT_H5_ORIGIN = 'http://127.0.0.1:10086'

/** The h5 address a local 小程序码 opens: the page (hash router) with the scene as its query. */
export function wxacodeAddress(h5Origin: string, page: string, scene: string): string {
  return `${h5Origin}/#/${page}?scene=${encodeURIComponent(scene)}`
}

/** The characters WeChat allows in a scene (besides digits and letters). */
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/

/**
 * wxacode.getUnlimited's documented rules, as WeChat answers a breach: a scene missing, over 32
 * characters or with other characters: 40169 (invalid length for scene); a page starting with '/',
 * carrying a query or not a path: 41030 (invalid page); env_version other than release, trial,
 * develop: 40097 (invalid args); width outside 280–1280: 40097.
 */
export function checkGetUnlimited(params: Record<string, unknown>): Record<string, unknown> | null {
  const { scene, page, env_version: envVersion, width } = params
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32 || !SCENE_CHARS.test(scene)) {
    return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json' }
  }
  if (page !== undefined && (typeof page !== 'string' || page.startsWith('/') || page.includes('?') || !/^[\w-]+(\/[\w-]+)*$/.test(page))) {
    return { errcode: 41030, errmsg: 'invalid page rid: local' }
  }
  if (envVersion !== undefined && !['release', 'trial', 'develop'].includes(envVersion as string)) {
    return { errcode: 40097, errmsg: 'invalid args rid: local' }
  }
  if (width !== undefined && (typeof width !== 'number' || width < 280 || width > 1280)) {
    return { errcode: 40097, errmsg: 'invalid args rid: local' }
  }
  return null
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** A grayscale PNG of a QR code of `text`: black modules on white, a quiet zone of 4, `cell` pixels a module. */
export function qrPng(text: string, cell = 10): Buffer {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const modules = qr.getModuleCount()
  const size = (modules + 8) * cell
  const rows: Buffer[] = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(size + 1, 0xff)
    row[0] = 0 // filter: none
    const my = Math.floor(y / cell) - 4
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / cell) - 4
      if (my >= 0 && my < modules && mx >= 0 && mx < modules && qr.isDark(my, mx)) row[x + 1] = 0
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** wxacode.getUnlimited as the local stand-in: a PNG QR of the h5 address of page + scene, or WeChat's refusal. */
export function getUnlimited(params: Record<string, unknown>, h5Origin: string): Buffer {
  const refused = checkGetUnlimited(params)
  if (refused) return openApiResponse(refused)
  const page = typeof params.page === 'string' && params.page ? params.page : 'pages/index/index'
  return openApiPicture(qrPng(wxacodeAddress(h5Origin, page, params.scene as string)), 'image/png')
}

/** A CommOpenApiResp carrying a picture (wx-server-sdk answers { contentType, buffer }). */
export function openApiPicture(bytes: Buffer, contentType: string): Buffer {
  return Buffer.concat([bytesField(1, bytes), bytesField(2, Buffer.from(contentType, 'utf8')), varintField(4, 200)])
}
// END wxacode stand-in

// ------------------------------------------------------------------ subscribe messages

/** One message subscribeMessage.send accepted: what the person receives. */
export interface SentSubscribeMessage {
  touser: string
  templateId: string
  page: string
  /** Each field's value. */
  data: Record<string, string>
  miniprogramState: string
  at: number
}

const TEMPLATE_FIELDS = new Map(Object.values(SUBSCRIBE_TEMPLATES).map((t) => [t.id, t.fields]))

/** The acceptances (一次性订阅: one message each) and the messages sent, per openid and template id. */
export class SubscribeMessages {
  private readonly unused = new Map<string, number>()
  private readonly log: SentSubscribeMessage[] = []

  constructor(private readonly now: () => number = () => Date.now()) {}

  private static key(openid: string, templateId: string) {
    return `${openid}\n${templateId}`
  }

  /** What an 'accept' in requestSubscribeMessage does: `count` more messages of the template to `openid`. */
  accept(openid: string, templateId: string, count = 1): number {
    const k = SubscribeMessages.key(openid, templateId)
    const left = (this.unused.get(k) ?? 0) + count
    this.unused.set(k, left)
    return left
  }

  /** Acceptances of the template by `openid` not yet spent. */
  unusedOf(openid: string, templateId: string): number {
    return this.unused.get(SubscribeMessages.key(openid, templateId)) ?? 0
  }

  /** The messages sent (to `touser`, when given), oldest first. */
  messages(touser?: string): SentSubscribeMessage[] {
    return this.log.filter((m) => touser === undefined || m.touser === touser).map((m) => ({ ...m, data: { ...m.data } }))
  }

  /** subscribeMessage.send as the local stand-in: WeChat's JSON answer. */
  send(params: Record<string, unknown>): Record<string, unknown> {
    const touser = params.touser
    const templateId = params.template_id ?? params.templateId
    if (typeof touser !== 'string' || !touser) return { errcode: 40003, errmsg: 'invalid openid' }
    const fields = typeof templateId === 'string' ? TEMPLATE_FIELDS.get(templateId) : undefined
    if (!fields) return { errcode: 40037, errmsg: 'invalid template_id' }
    const data = params.data && typeof params.data === 'object' ? (params.data as Record<string, unknown>) : {}
    const values: Record<string, string> = {}
    for (const f of fields) {
      const value = (data[f.key] as { value?: unknown } | undefined)?.value
      if (!fitsField(f.type, value)) return { errcode: 47003, errmsg: `argument invalid! data.${f.key}.value invalid` }
      values[f.key] = value as string
    }
    const k = SubscribeMessages.key(touser, templateId as string)
    const left = this.unused.get(k) ?? 0
    if (left < 1) return { errcode: 43101, errmsg: 'user refuse to accept the msg' }
    this.unused.set(k, left - 1)
    const page = typeof params.page === 'string' ? params.page : ''
    const state = params.miniprogram_state ?? params.miniprogramState
    this.log.push({
      touser,
      templateId: templateId as string,
      page,
      data: values,
      miniprogramState: typeof state === 'string' ? state : 'formal',
      at: this.now(),
    })
    return { errcode: 0, errmsg: 'ok' }
  }
}

/** Answers one `wx.openApi` request (its form fields): the CommOpenApiResp bytes. */
export function answerOpenApi(
  fields: Map<string, Buffer>,
  phoneCodes: PhoneCodes,
  subscribe: SubscribeMessages,
  h5Origin: string = DEFAULT_H5_ORIGIN,
): Buffer {
  const api = fields.get('apiName')?.toString('utf8') ?? ''
  const caller = callerOfToken(fields.get('wxCloudApiToken')?.toString('utf8'))
  const requestData = fields.get('requestData') ?? Buffer.alloc(0)
  let params: Record<string, unknown>
  try {
    params = openApiParams(requestData)
  } catch {
    return openApiResponse({ errcode: 47001, errmsg: 'data format error' })
  }
  if (api === 'phonenumber.getPhoneNumber') return openApiResponse(phoneCodes.getPhoneNumber(caller, params))
  if (api === 'security.msgSecCheck') return openApiResponse(msgSecCheck(params))
  if (api === 'security.imgSecCheck') return openApiResponse(imgSecCheck(params))
  if (api === 'wxacode.getUnlimited') return getUnlimited(params, h5Origin)
  if (api === 'subscribeMessage.send') return openApiResponse(subscribe.send(params))
  return openApiResponse({ errcode: 48001, errmsg: `api unauthorized: the local cloud has no stand-in for ${api}` })
}
