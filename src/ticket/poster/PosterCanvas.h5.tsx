import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { fileUrl } from '@/services/fileUrl'
import { POSTER_HEIGHT, POSTER_WIDTH, drawPoster, type PosterCtx, type PosterText } from './posterDraw'

/** h5: drawn on a DOM canvas; saved with a download link of its PNG. */
export function PosterCanvas({ text, fileId, alt }: { text: PosterText; fileId: string; alt: string }) {
  const ref = useRef<HTMLCanvasElement>(null)
  const [png, setPng] = useState('')
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let cancelled = false
    setPng('')
    setFailed(false)
    void (async () => {
      try {
        // The CJK font must be ready before text is drawn on a canvas.
        await (document as Document & { fonts?: { ready: Promise<unknown> } }).fonts?.ready
        const code = new Image()
        code.src = fileUrl(fileId)
        await code.decode()
        const canvas = ref.current
        const ctx = canvas?.getContext('2d')
        if (!canvas || !ctx) throw new Error('no 2d canvas')
        drawPoster(ctx as unknown as PosterCtx, text, code)
        if (!cancelled) setPng(canvas.toDataURL('image/png'))
      } catch {
        if (!cancelled) setFailed(true)
      }
    })()
    return () => {
      cancelled = true
    }
  }, [text, fileId])

  return (
    <View className="poster" data-testid="poster" data-ready={png ? 'true' : 'false'}>
      <canvas
        ref={ref}
        width={POSTER_WIDTH}
        height={POSTER_HEIGHT}
        className="poster__canvas"
        data-testid="poster-canvas"
        role="img"
        aria-label={alt}
      />
      {!png && !failed ? <Text className="poster__note">正在生成海报…</Text> : null}
      {failed ? (
        <Text className="poster__note" data-testid="poster-failed">
          海报生成失败，请返回后再试一次。
        </Text>
      ) : null}
      {png ? (
        <a className="btn btn--primary btn--block poster__save" href={png} download="活动海报.png" data-testid="poster-save" role="button">
          保存图片
        </a>
      ) : null}
    </View>
  )
}
