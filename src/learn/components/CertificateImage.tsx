import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Certificate } from '@shared/contracts/course'
import { CERT_HEIGHT, CERT_WIDTH, certificateLines, drawCertificate, type Ctx2D } from './certificateDraw'
import './learn.scss'
import './certificate.scss'

interface OffscreenCanvas2D {
  getContext(type: '2d'): unknown
  toDataURL?: (type?: string) => string
}

/** Draws on WeChat's offscreen 2d canvas and writes the PNG to a local file the Image shows. */
async function renderToFile(cert: Certificate): Promise<string> {
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: CERT_WIDTH, height: CERT_HEIGHT }) as unknown as OffscreenCanvas2D
  const ctx = canvas.getContext('2d') as Ctx2D
  drawCertificate(ctx, cert)
  if (typeof canvas.toDataURL === 'function') {
    const data = canvas.toDataURL('image/png').replace(/^data:image\/\w+;base64,/, '')
    const filePath = `${Taro.env.USER_DATA_PATH}/certificate-${cert.certificateNo}.png`
    Taro.getFileSystemManager().writeFileSync(filePath, data, 'base64')
    return filePath
  }
  // Older base libraries: the canvas straight to a temp file.
  const res = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as never)
  return res.tempFilePath
}

/** weapp: the picture as a local PNG, with 保存到相册 and 分享给家人 (WeChat's image share menu). */
export function CertificateImage({ cert }: { cert: Certificate }) {
  const [path, setPath] = useState('')
  const [failed, setFailed] = useState(false)
  const [note, setNote] = useState('')
  useEffect(() => {
    let cancelled = false
    renderToFile(cert).then(
      (p) => !cancelled && setPath(p),
      () => !cancelled && setFailed(true),
    )
    return () => {
      cancelled = true
    }
  }, [cert])

  const save = () => {
    Taro.saveImageToPhotosAlbum({ filePath: path }).then(
      () => setNote('✓ 已保存到手机相册'),
      () => setNote('没有保存：请在设置中允许保存到相册，或长按图片保存'),
    )
  }
  const share = () => {
    Taro.showShareImageMenu({ path }).catch(() => setNote('可以长按图片发送给朋友'))
  }

  const lines = certificateLines(cert)
  const alt = `${lines.title}：${lines.name}，${lines.body.join('')}${lines.footer.join('，')}`
  return (
    <View className="cert" data-testid="cert-image-box" data-ready={path ? 'true' : 'false'}>
      {path ? (
        <Image className="cert__img" src={path} mode="widthFix" showMenuByLongpress ariaLabel={alt} data-testid="cert-image" />
      ) : null}
      {!path && !failed ? <Text className="cert__wait">正在生成证书图片…</Text> : null}
      {failed ? <Text className="cert__wait">证书图片生成失败，证书内容见下方文字。</Text> : null}
      {path ? (
        <View className="btn-row cert__actions">
          <View className="btn btn--primary" data-testid="cert-save" ariaRole="button" onClick={save}>
            <Text>保存到相册</Text>
          </View>
          <View className="btn btn--secondary" data-testid="cert-share" ariaRole="button" onClick={share}>
            <Text>分享给家人</Text>
          </View>
        </View>
      ) : null}
      {note ? <Text className="cert__note">{note}</Text> : null}
    </View>
  )
}
