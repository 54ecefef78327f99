import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/**
 * weapp: the phone's own scanner (Taro.scanCode, camera only). The h5 build uses ScanButton.h5.tsx
 * instead (camera via getUserMedia + jsqr), chosen by Taro's per-platform file resolution.
 */
export function ScanButton({ onToken, disabled }: { onToken: (text: string) => void; disabled?: boolean }) {
  const scan = async () => {
    if (disabled) return
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      if (res.result) onToken(res.result)
    } catch {
      // Cancelled by the volunteer: nothing to do.
    }
  }
  return (
    <View className="btn btn--primary btn--block vol-scan-btn" data-testid="scan-open" ariaRole="button" onClick={() => void scan()}>
      <Text>扫码签到</Text>
    </View>
  )
}
