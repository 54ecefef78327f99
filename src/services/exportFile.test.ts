import Taro from '@tarojs/taro'
import { base64ToBytes, exportFileTypeOf, openExport, safeExportName } from './exportFile'

// The weapp APIs openExport uses, as WeChat answers them.
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { env: { USER_DATA_PATH: 'wxfile://usr' }, getFileSystemManager: jest.fn(), openDocument: jest.fn() },
}))
const mockTaro = Taro as unknown as { getFileSystemManager: jest.Mock; openDocument: jest.Mock }

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

describe('exportFileTypeOf', () => {
  test('reads the extension of the name, whatever its case', () => {
    expect(exportFileTypeOf('2026年南昌市全民终身学习活动周总结表.docx')).toBe('docx')
    expect(exportFileTypeOf('报名名单.XLSX')).toBe('xlsx')
    expect(exportFileTypeOf(' 东湖区.xlsx ')).toBe('xlsx')
  })

  test('the name wins over the MIME type', () => {
    expect(exportFileTypeOf('汇总.xlsx', DOCX)).toBe('xlsx')
  })

  test('falls back on the MIME type (parameters ignored) when the name says nothing', () => {
    expect(exportFileTypeOf('总结表', DOCX)).toBe('docx')
    expect(exportFileTypeOf('名单', `${XLSX}; charset=binary`)).toBe('xlsx')
  })

  test('a PDF by its name or its MIME type', () => {
    expect(exportFileTypeOf('东湖区总结表（已提交）.PDF')).toBe('pdf')
    expect(exportFileTypeOf('总结表', 'application/pdf')).toBe('pdf')
  })

  test('anything else is null', () => {
    expect(exportFileTypeOf('总结表.doc')).toBeNull()
    expect(exportFileTypeOf('总结表.docx.exe')).toBeNull()
    expect(exportFileTypeOf('名单', 'text/csv')).toBeNull()
    expect(exportFileTypeOf('')).toBeNull()
  })
})

describe('safeExportName', () => {
  test('keeps a good Chinese name as it is', () => {
    expect(safeExportName('2026年南昌市全民终身学习活动周总结表.docx', 'docx')).toBe('2026年南昌市全民终身学习活动周总结表.docx')
  })

  test('replaces path separators and reserved characters, so the file stays in its folder', () => {
    expect(safeExportName('../../东湖区/总结表.docx', 'docx')).toBe('_.._东湖区_总结表.docx')
    expect(safeExportName('a:b*c?"d"<e>|f\u0000.xlsx', 'xlsx')).toBe('a_b_c__d__e__f_.xlsx')
  })

  test('adds the extension when missing and names an empty file', () => {
    expect(safeExportName('名单', 'xlsx')).toBe('名单.xlsx')
    expect(safeExportName('  ', 'docx')).toBe('导出文件.docx')
    expect(safeExportName('.docx', 'docx')).toBe('导出文件.docx')
  })

  test('cuts a long name to 80 characters before the extension', () => {
    const name = safeExportName(`${'县'.repeat(200)}.docx`, 'docx')
    expect(name).toBe(`${'县'.repeat(80)}.docx`)
  })
})

describe('base64ToBytes', () => {
  test('decodes to the same bytes', () => {
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x7f, 0x10])
    expect(Array.from(base64ToBytes(Buffer.from(bytes).toString('base64')))).toEqual(Array.from(bytes))
  })

  test('decodes every byte value, with and without padding', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    for (const n of [0, 1, 2, 3, 255, 256]) {
      const part = all.slice(0, n)
      expect(Array.from(base64ToBytes(Buffer.from(part).toString('base64')))).toEqual(Array.from(part))
    }
  })

  test('allows line breaks and a data: prefix', () => {
    const text = Buffer.from('总结表').toString('base64')
    const wrapped = `data:${DOCX};base64,${text.slice(0, 4)}\n${text.slice(4)}\r\n`
    expect(Buffer.from(base64ToBytes(wrapped)).toString('utf8')).toBe('总结表')
  })

  test('refuses text that is not base64 with BAD_RESPONSE', () => {
    expect(() => base64ToBytes('not base64!')).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }))
    expect(() => base64ToBytes('QUJD=Q')).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }))
    expect(() => base64ToBytes('QQ=')).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }))
    expect(() => base64ToBytes('QUJDR')).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }))
  })
})

describe('openExport in weapp', () => {
  const saved = process.env.TARO_ENV
  const writeFile = jest.fn()
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    writeFile.mockReset().mockImplementation((o: { success: () => void }) => o.success())
    mockTaro.getFileSystemManager.mockReset().mockReturnValue({ writeFile })
    mockTaro.openDocument.mockReset().mockResolvedValue({ errMsg: 'openDocument:ok' })
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.TARO_ENV
    else process.env.TARO_ENV = saved
  })

  test('writes the base64 to the user data folder and opens it as its type with the menu', async () => {
    await openExport({ fileName: '东湖区总结表.docx', mime: DOCX, base64: 'UEsDBA==' })
    expect(writeFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://usr/东湖区总结表.docx', data: 'UEsDBA==', encoding: 'base64' }),
    )
    expect(mockTaro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/东湖区总结表.docx', fileType: 'docx', showMenu: true })
  })

  test('a file of another type is BAD_RESPONSE and nothing is written', async () => {
    await expect(openExport({ fileName: 'x.csv', mime: 'text/csv', base64: 'UEsDBA==' })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    })
    expect(writeFile).not.toHaveBeenCalled()
  })

  test('a write or open that fails is INTERNAL', async () => {
    writeFile.mockImplementation((o: { fail: (e: unknown) => void }) =>
      o.fail({ errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded' }),
    )
    await expect(openExport({ fileName: '名单.xlsx', mime: XLSX, base64: 'UEsDBA==' })).rejects.toMatchObject({ code: 'INTERNAL' })
    expect(mockTaro.openDocument).not.toHaveBeenCalled()
    writeFile.mockImplementation((o: { success: () => void }) => o.success())
    mockTaro.openDocument.mockRejectedValue({ errMsg: 'openDocument:fail filetype not supported' })
    await expect(openExport({ fileName: '名单.xlsx', mime: XLSX, base64: 'UEsDBA==' })).rejects.toMatchObject({ code: 'INTERNAL' })
  })
})
