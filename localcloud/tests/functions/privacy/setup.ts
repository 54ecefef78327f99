// Shared helpers of the `privacy` function tests: consent recorded for the residents a test makes
// (sign-ups and profile writes ask for it), a resident with a family made through the signup
// actions, the text of every stored document (to search for a person's name and phone), and the
// text of a .docx export.
import { inflateRawSync } from 'node:zlib'
import { environment } from '../../../../config/environment'
import { PRIVACY_VERSION } from '../../../../src/shared/domain/privacy'
import type { TestCloud } from '../../harness'
import { allDocs } from '../fixtures'

export async function must(cloud: TestCloud, fn: string, action: string, input: unknown, openid: string): Promise<any> {
  const res = await cloud.callRaw(fn, action, input, openid)
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${JSON.stringify(res)}`)
  return res.data
}

/** The resident agrees to the current privacy guide (privacy.consent.record). */
export const consent = (cloud: TestCloud, openid: string) => must(cloud, 'privacy', 'consent.record', { version: PRIVACY_VERSION }, openid)

export interface Person {
  openid: string
  name: string
  phone: string
  /** Family members added by the resident (代报名): their ids, names and phones (null: none). */
  family: { id: string; name: string; phone: string | null }[]
}

/**
 * A resident `openid` named `name` who agreed to the guide, saved a profile and added family
 * members (each `[name, phone]`), all through the actions.
 */
export async function residentWithFamily(
  cloud: TestCloud,
  openid: string,
  name: string,
  phone: string,
  family: [string, string | null][] = [],
): Promise<Person> {
  await consent(cloud, openid)
  const profile = { name, phone, ageGroup: '40-59', community: '测试街道幸福社区', audience: 'residents' }
  await must(cloud, 'signup', 'profile.save', { profile }, openid)
  const members: Person['family'] = []
  for (const [memberName, memberPhone] of family) {
    const { member } = await must(
      cloud,
      'signup',
      'family.add',
      { name: memberName, phone: memberPhone, ageGroup: '70+', relation: 'parent', audience: null },
      openid,
    )
    members.push({ id: member.id, name: memberName, phone: memberPhone })
  }
  return { openid, name, phone, family: members }
}

/** Every stored document of every collection of the environment, as JSON text, by collection. */
export async function everyCollection(cloud: TestCloud): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const { name } of environment.collections) out[name] = JSON.stringify(await allDocs(cloud, name))
  return out
}

/** The collections whose stored text contains any of `needles` (with the needle found). */
export async function collectionsHolding(cloud: TestCloud, needles: string[]): Promise<string[]> {
  const found: string[] = []
  for (const [name, text] of Object.entries(await everyCollection(cloud))) {
    for (const n of needles) if (text.includes(n)) found.push(`${name}: ${n}`)
  }
  return found
}

/** One file of a zip (a .docx), read with its central directory. */
export function unzipEntry(zip: Buffer, path: string): Buffer {
  let eocd = zip.length - 22
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('not a zip')
  const entries = zip.readUInt16LE(eocd + 10)
  let p = zip.readUInt32LE(eocd + 16)
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(p + 10)
    const size = zip.readUInt32LE(p + 20)
    const nameLen = zip.readUInt16LE(p + 28)
    const extraLen = zip.readUInt16LE(p + 30)
    const commentLen = zip.readUInt16LE(p + 32)
    const local = zip.readUInt32LE(p + 42)
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    if (name === path) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(start, start + size)
      return method === 0 ? data : inflateRawSync(data)
    }
    p += 46 + nameLen + extraLen + commentLen
  }
  throw new Error(`${path} not in the zip`)
}

/** Every file of a zip, inflated, as one text (to prove a number appears nowhere in it). */
export function unzipAll(zip: Buffer): string {
  let eocd = zip.length - 22
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--
  const entries = zip.readUInt16LE(eocd + 10)
  let p = zip.readUInt32LE(eocd + 16)
  const parts: string[] = []
  for (let i = 0; i < entries; i++) {
    const nameLen = zip.readUInt16LE(p + 28)
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    parts.push(unzipEntry(zip, name).toString('utf8'))
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32)
  }
  return parts.join('\n')
}

/** The visible text of a .docx (the runs of word/document.xml, paragraphs on their own lines). */
export function docxText(base64: string): string {
  const xml = unzipEntry(Buffer.from(base64, 'base64'), 'word/document.xml').toString('utf8')
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
}
