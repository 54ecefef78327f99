// Reads back what the local 小程序码 stand-in draws (db/openapi.ts qrPng): an 8-bit grayscale PNG
// without interlacing or filters, decoded here and its QR read with jsQR.
import jsQR from 'jsqr'
import { inflateSync } from 'node:zlib'

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The text of the QR code in a grayscale PNG as qrPng writes it (null when none is found). */
export function readQrPng(png: Buffer): string | null {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG')
  let pos = 8
  let width = 0
  let height = 0
  const idat: Buffer[] = []
  while (pos < png.length) {
    const length = png.readUInt32BE(pos)
    const type = png.toString('ascii', pos + 4, pos + 8)
    const data = png.subarray(pos + 8, pos + 8 + length)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8 || data[9] !== 0) throw new Error('only 8-bit grayscale is read here')
    }
    if (type === 'IDAT') idat.push(data)
    pos += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * (width + 1), (y + 1) * (width + 1))
    if (row[0] !== 0) throw new Error('only filter 0 is read here')
    for (let x = 0; x < width; x++) {
      const v = row[x + 1]
      rgba.set([v, v, v, 255], (y * width + x) * 4)
    }
  }
  return jsQR(rgba, width, height)?.data ?? null
}
