// Organisers' exports never hold a full phone number (issue 15): the scripted week's residents
// signed up through forms that ask for the phone (profileOf: 139…), some were checked in, and the
// 总结表 of the district and of the week, as .docx and .xlsx (stats summary.export), is unzipped and
// searched: no 11-digit mobile number in any text, none of the residents' phones anywhere.
import { inflateRawSync } from 'node:zlib'
import { ADMIN, ORGANISER, profileOf } from '../fixtures'
import { ids, must, people, useStatsCloud, week } from './setup'

useStatsCloud()

/** A mainland mobile number standing alone (not inside a longer run of digits). */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/

/** Every file of a zip archive (docx and xlsx are zips), by name, as text. */
function unzip(bytes: Buffer): Map<string, string> {
  const files = new Map<string, string>()
  let end = bytes.length - 22
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--
  if (end < 0) throw new Error('not a zip archive')
  const entries = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  for (let i = 0; i < entries; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory')
    const method = bytes.readUInt16LE(at + 10)
    const size = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extra = bytes.readUInt16LE(at + 30)
    const comment = bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const raw = bytes.subarray(dataAt, dataAt + size)
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'))
    at += 46 + nameLength + extra + comment
  }
  return files
}

/** The text a reader sees: every XML part with its tags taken out. */
const textOf = (files: Map<string, string>) =>
  [...files.entries()]
    .filter(([name]) => name.endsWith('.xml'))
    .map(([, xml]) => xml.replace(/<[^>]*>/g, ' '))
    .join('\n')

const scopes = [
  ['the district', { weekId: '', districtCode: 'east' }, ORGANISER],
  ['the week', { weekId: '' }, ADMIN],
] as const

describe('the 总结表 exports hold no phone number', () => {
  test('the scripted residents signed up with their phones stored and some were checked in', async () => {
    const dash = await must('stats', 'dashboard', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(dash.totals.checkedIn).toBeGreaterThan(0)
    expect(ids.A1).toBeTruthy()
  })

  for (const [label, scope, openid] of scopes) {
    test.each(['docx', 'xlsx'] as const)(
      `the %s of ${label} has no 11-digit mobile number and none of the residents' phones`,
      async (format) => {
        const res = await must('stats', 'summary.export', { ...scope, weekId: week.id, format }, openid)
        const files = unzip(Buffer.from(res.base64, 'base64'))
        expect(files.size).toBeGreaterThan(0)
        const text = textOf(files)
        // The export has content (the week's name is in it), so an empty search proves nothing is left out by mistake.
        expect(text).toContain('测试活动周')
        expect(text.match(MOBILE)).toBeNull()
        const everything = [...files.values()].join('\n')
        const phones = people.map((_, i) => profileOf(i).phone)
        expect(phones.filter((p) => everything.includes(p))).toEqual([])
      },
    )
  }
})
