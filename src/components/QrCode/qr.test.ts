import { qrImage, QUIET_ZONE } from './qr'

describe('qrImage', () => {
  it('draws a GIF data URL with a quiet zone, sized from the module count', () => {
    const img = qrImage('v1.abc.def-ghi_jkl', 4)
    expect(img.src.startsWith('data:image/gif;base64,')).toBe(true)
    expect(img.modules).toBeGreaterThanOrEqual(21)
    expect(img.size).toBe((img.modules + 2 * QUIET_ZONE) * 4)
  })

  it('grows with the text', () => {
    expect(qrImage('x'.repeat(200)).modules).toBeGreaterThan(qrImage('x').modules)
  })
})
