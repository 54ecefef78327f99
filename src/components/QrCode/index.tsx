import { Image, View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrImage } from './qr'
import './index.scss'

/**
 * A QR code drawn from the text, black on white with its quiet zone, as large as the width allows
 * (at least 260 design px, so a door scanner reads it from a senior's phone held at arm's length).
 */
export function QrCode({ text, testid, label }: { text: string; testid?: string; label?: string }) {
  const img = useMemo(() => qrImage(text), [text])
  return (
    <View className="qr" data-testid={testid} data-modules={img.modules}>
      <Image
        className="qr__img"
        src={img.src}
        mode="scaleToFill"
        ariaLabel={label ?? '二维码'}
        nativeProps={{ alt: label ?? '二维码' }}
        data-testid={testid ? `${testid}-img` : undefined}
      />
    </View>
  )
}
