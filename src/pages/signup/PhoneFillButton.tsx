import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toCloudError } from '@/services/callCloud'
import { fillPhone } from '@/services/privacy'

/**
 * weapp only (PHONE_NUMBER_BUTTON, config/privacyConsent.ts): WeChat's phone-number button beside the typed
 * phone field. Its one-time code becomes the number (privacy.phone.fill) and fills the field; refused
 * or failed, the field keeps what was typed and a short line says to type it.
 */
export function PhoneFillButton({ onPhone }: { onPhone: (phone: string) => void }) {
  const [busy, setBusy] = useState(false)
  const [hint, setHint] = useState('')

  const got = async (code: string | undefined) => {
    if (!code) {
      setHint('没有使用微信手机号，请直接填写手机号。')
      return
    }
    setBusy(true)
    setHint('')
    try {
      onPhone((await fillPhone(code)).phone)
      setHint('✓ 已填入微信绑定的手机号，如需更换可以直接修改。')
    } catch (err) {
      setHint(`${toCloudError(err).message}。`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="phone-fill">
      <Button
        className="btn btn--secondary btn--block phone-fill__btn"
        openType="getPhoneNumber"
        disabled={busy}
        data-testid="profile-phone-fill"
        onGetPhoneNumber={(e) => void got(e.detail.code)}
      >
        {busy ? '正在获取手机号…' : '使用微信绑定的手机号'}
      </Button>
      {hint ? <Text className="field__hint">{hint}</Text> : null}
    </View>
  )
}
