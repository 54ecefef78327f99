import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { POSTER_HEIGHT, POSTER_WIDTH, drawPoster, type PosterCtx, type PosterText } from './posterDraw'

interface OffscreenCanvas2D {
  getContext(type: '2d'): unknown
  createImage(): { src: string; onload: (() => void) | null; onerror: ((e: unknown) => void) | null }
  toDataURL?: (type?: string) => string
}

/**
 * Draws on WeChat's canvas 2d (offscreen: a <Canvas> would add its template to the main package's
 * base.wxml) with the 小程序码 downloaded from cloud storage, and writes the PNG to a local file.
 */
async function renderToFile(text: PosterText, fileId: string): Promise<string> {
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: POSTER_WIDTH, height: POSTER_HEIGHT }) as unknown as OffscreenCanvas2D
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: fileId })
  const code = canvas.createImage()
  await new Promise<void>((resolve, reject) => {
    code.onload = () => resolve()
    code.onerror = reject
    code.src = tempFilePath
  })
  drawPoster(canvas.getContext('2d') as PosterCtx, text, code)
  if (typeof canvas.toDataURL === 'function') {
    const data = canvas.toDataURL('image/png').replace(/^data:image\/\w+;base64,/, '')
    const filePath = `${Taro.env.USER_DATA_PATH}/poster-${Date.now()}.png`
    Taro.getFileSystemManager().writeFileSync(filePath, data, 'base64')
    return filePath
  }
  const res = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as never)
  return res.tempFilePath
}

/** weapp: the poster as a local PNG, with 保存到相册 (saveImageToPhotosAlbum). */
export function PosterCanvas({ text, fileId, alt }: { text: PosterText; fileId: string; alt: string }) {
  const [path, setPath] = useState('')
  const [failed, setFailed] = useState(false)
  const [note, setNote] = useState('')
  useEffect(() => {
    let cancelled = false
    setPath('')
    setFailed(false)
    renderToFile(text, fileId).then(
      (p) => !cancelled && setPath(p),
      () => !cancelled && setFailed(true),
    )
    return () => {
      cancelled = true
    }
  }, [text, fileId])

  const save = () => {
    Taro.saveImageToPhotosAlbum({ filePath: path }).then(
      () => setNote('✓ 海报已保存到手机相册，可以发到朋友圈或家人群。'),
      () => setNote('没有保存：请在设置中允许保存到相册后再试。'),
    )
  }

  return (
    <View className="poster" data-testid="poster" data-ready={path ? 'true' : 'false'}>
      {path ? (
        <Image className="poster__canvas" src={path} mode="widthFix" showMenuByLongpress ariaLabel={alt} data-testid="poster-image" />
      ) : null}
      {!path && !failed ? <Text className="poster__note">正在生成海报…</Text> : null}
      {failed ? (
        <Text className="poster__note" data-testid="poster-failed">
          海报生成失败，请返回后再试一次。
        </Text>
      ) : null}
      {path ? (
        <View className="btn btn--primary btn--block" data-testid="poster-save" ariaRole="button" onClick={save}>
          <Text>保存到相册</Text>
        </View>
      ) : null}
      {note ? <Text className="poster__note">{note}</Text> : null}
    </View>
  )
}
