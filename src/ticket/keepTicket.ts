import Taro from '@tarojs/taro'

/**
 * Keeps a ticket off the phone for a senior without one: in h5 the browser's print dialog (the print
 * layout is plain black on white); in weapp the QR picture saved to the phone's album, to print or
 * send later. Answers what to tell the person.
 */
export async function keepTicket(qrDataUrl: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    window.print()
    return ''
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/ticket-qr-${Date.now()}.gif`
  const data = qrDataUrl.slice(qrDataUrl.indexOf(',') + 1)
  try {
    await new Promise<void>((resolve, reject) =>
      Taro.getFileSystemManager().writeFile({ filePath, data, encoding: 'base64', success: () => resolve(), fail: reject }),
    )
    await Taro.saveImageToPhotosAlbum({ filePath })
    return '二维码图片已保存到手机相册，可以打印或发给家人。'
  } catch {
    return '没有保存成功（可能没有相册权限）。也可以直接截屏保存这张票。'
  }
}
