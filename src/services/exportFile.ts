import Taro from '@tarojs/taro'
import { CloudError } from './cloudError'

/** A file a function produced for download (the 总结表 as .docx or .pdf, the registrations as .xlsx). */
export interface ExportFile {
  fileName: string
  mime: string
  base64: string
}

export type ExportFileType = 'docx' | 'xlsx' | 'pdf'

const TYPE_OF_MIME: Record<string, ExportFileType> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/pdf': 'pdf',
}

/** The document type to open a file as: by its name's extension, else by its MIME type; null when neither is docx/xlsx/pdf. */
export function exportFileTypeOf(fileName: string, mime?: string): ExportFileType | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1].toLowerCase()
  if (ext === 'docx' || ext === 'xlsx' || ext === 'pdf') return ext
  return (mime && TYPE_OF_MIME[mime.split(';')[0].trim().toLowerCase()]) || null
}

/**
 * A name that is safe as one file in a folder: no path separators, reserved or control characters,
 * at most 80 characters before the extension, and ending with `.<type>`.
 */
export function safeExportName(fileName: string, type: ExportFileType): string {
  // eslint-disable-next-line no-control-regex
  let stem = fileName.trim().replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
  stem = stem
    .replace(new RegExp(`\\.${type}$`, 'i'), '')
    .replace(/^\.+/, '')
    .trim()
  if (!stem) stem = '导出文件'
  return `${Array.from(stem).slice(0, 80).join('')}.${type}`
}

/** The bytes of a base64 text (whitespace and a `data:...;base64,` prefix allowed); throws on anything else. */
export function base64ToBytes(base64: string): Uint8Array {
  const text = base64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) throw new CloudError('BAD_RESPONSE')
  let binary: string
  try {
    binary = atob(text)
  } catch {
    throw new CloudError('BAD_RESPONSE')
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Opens an exported document for the organiser.
 * weapp: writes it to the user data folder and opens it with wx.openDocument (with the menu, so it
 * can be sent to a chat or saved). h5: downloads it through an <a download>; as in transport.ts the
 * h5 branch is a dynamic import behind a build-time constant.
 * Failures are CloudErrors: BAD_RESPONSE for a file that is not a docx/xlsx/pdf in base64, INTERNAL when
 * the phone could not write or open it.
 */
export async function openExport(file: ExportFile): Promise<void> {
  const type = exportFileTypeOf(file.fileName, file.mime)
  if (!type) throw new CloudError('BAD_RESPONSE')
  const fileName = safeExportName(file.fileName, type)
  if (process.env.TARO_ENV === 'h5') {
    const { downloadInBrowser } = await import('./exportFileH5')
    return downloadInBrowser({ fileName, mime: file.mime, bytes: base64ToBytes(file.base64) })
  }
  return openInWeapp(fileName, type, file.base64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, ''))
}

async function openInWeapp(fileName: string, fileType: ExportFileType, base64: string): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  try {
    await new Promise<void>((resolve, reject) => {
      Taro.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(), fail: reject })
    })
  } catch {
    throw new CloudError('INTERNAL')
  }
  try {
    await Taro.openDocument({ filePath, fileType, showMenu: true })
  } catch {
    throw new CloudError('INTERNAL')
  }
}
