import { PRIVACY_VERSION, RETENTION_DAYS_DEFAULT, consentIsCurrent, retentionDate, retentionDue } from './privacy'
import { PRIVACY_GUIDE } from './privacyGuide'
import { shanghaiInstant } from './time'

describe('privacy rules', () => {
  it('counts a consent only for the current version of the guide', () => {
    expect(consentIsCurrent({ version: PRIVACY_VERSION, at: 0 })).toBe(true)
    expect(consentIsCurrent({ version: PRIVACY_VERSION - 1, at: 0 })).toBe(false)
    expect(consentIsCurrent(null)).toBe(false)
    expect(consentIsCurrent(undefined)).toBe(false)
  })

  it('dates the anonymising the given number of days after the summary deadline, across a year end', () => {
    expect(retentionDate('2026-12-10', 180)).toBe('2027-06-08')
    expect(retentionDate('2026-12-10', 30)).toBe('2027-01-09')
    expect(retentionDate('2026-12-10')).toBe(retentionDate('2026-12-10', RETENTION_DAYS_DEFAULT))
  })

  it('is due from midnight Shanghai time of the retention date, not before', () => {
    const day = retentionDate('2026-12-10', 30)
    expect(retentionDue('2026-12-10', 30, shanghaiInstant(day, '00:00') - 1)).toBe(false)
    expect(retentionDue('2026-12-10', 30, shanghaiInstant(day, '00:00'))).toBe(true)
    expect(retentionDue('2026-12-10', null, shanghaiInstant('2027-06-08', '00:00'))).toBe(true)
  })

  it('declares every item of the guide with its purpose, who sees it and how long it is kept', () => {
    const keys = PRIVACY_GUIDE.items.map((i) => i.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const item of PRIVACY_GUIDE.items) {
      expect(item.purpose.length).toBeGreaterThan(4)
      expect(item.seenBy.length).toBeGreaterThan(1)
      expect(item.kept.length).toBeGreaterThan(1)
    }
    expect(keys).toEqual(
      expect.arrayContaining(['name', 'phone', 'ageGroup', 'community', 'audience', 'family', 'camera', 'photos', 'location', 'clipboard']),
    )
  })
})
