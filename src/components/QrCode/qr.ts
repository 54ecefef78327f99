import qrcode from 'qrcode-generator'

/** Modules of quiet zone around the code (the QR standard asks for 4). */
export const QUIET_ZONE = 4

export interface QrImage {
  /** A GIF data URL (black modules on white, quiet zone included): works in weapp <Image> and h5. */
  src: string
  /** Modules per side, quiet zone excluded. */
  modules: number
  /** Pixels per side of the image. */
  size: number
}

/**
 * The QR code of a text as an image. Error correction M (a phone screen or a printed page scanned
 * at a door); byte mode, the version chosen to fit. Pure: no DOM, no canvas, so it runs the same in
 * weapp, h5 and Node.
 */
export function qrImage(text: string, cellSize = 8): QrImage {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const modules = qr.getModuleCount()
  return { src: qr.createDataURL(cellSize, cellSize * QUIET_ZONE), modules, size: (modules + 2 * QUIET_ZONE) * cellSize }
}
