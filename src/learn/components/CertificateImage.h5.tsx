import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Certificate } from '@shared/contracts/course'
import { CERT_HEIGHT, CERT_WIDTH, certificateLines, drawCertificate, type Ctx2D } from './certificateDraw'
import './learn.scss'
import './certificate.scss'

/** h5: drawn on a DOM canvas, shown as a PNG, saved with a download link. */
export function CertificateImage({ cert }: { cert: Certificate }) {
  const [src, setSrc] = useState('')
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let cancelled = false
    void (async () => {
      try {
        // The CJK font must be ready before text is drawn on a canvas.
        await (document as Document & { fonts?: { ready: Promise<unknown> } }).fonts?.ready
        const canvas = document.createElement('canvas')
        canvas.width = CERT_WIDTH
        canvas.height = CERT_HEIGHT
        const ctx = canvas.getContext('2d')
        if (!ctx) throw new Error('no 2d canvas')
        drawCertificate(ctx as unknown as Ctx2D, cert)
        if (!cancelled) setSrc(canvas.toDataURL('image/png'))
      } catch {
        if (!cancelled) setFailed(true)
      }
    })()
    return () => {
      cancelled = true
    }
  }, [cert])

  const lines = certificateLines(cert)
  const alt = `${lines.title}：${lines.name}，${lines.body.join('')}${lines.footer.join('，')}`
  return (
    <View className="cert" data-testid="cert-image-box" data-ready={src ? 'true' : 'false'}>
      {src ? (
        <Image className="cert__img" src={src} mode="widthFix" ariaLabel={alt} nativeProps={{ alt }} data-testid="cert-image" />
      ) : null}
      {!src && !failed ? <Text className="cert__wait">正在生成证书图片…</Text> : null}
      {failed ? <Text className="cert__wait">证书图片生成失败，证书内容见下方文字。</Text> : null}
      {src ? (
        <a
          className="btn btn--primary btn--block cert__save"
          href={src}
          download={`结业证书-${cert.certificateNo}.png`}
          data-testid="cert-save"
          role="button"
        >
          保存图片
        </a>
      ) : null}
    </View>
  )
}
