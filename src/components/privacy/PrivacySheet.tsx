import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useSyncExternalStore } from 'react'
import { PRIVACY_CONSENT } from '@shared/domain/privacy'
import { AGREE_BUTTON_ID, agreeConsent, consentSnapshot, refuseConsent, sheetGone, sheetShown, subscribeConsent } from './consentGate'

export const PRIVACY_PAGE = '/account/privacy/index'

let nextId = 1

/**
 * The consent sheet, mounted by PageShell on every page and shown on the page on top when something
 * asks for consent: a form's gate (usePrivacyGate) or, in weapp, WeChat's onNeedPrivacyAuthorization
 * (scanning, choosing a photo or a place, copying). The guide's short summary, a link to the whole
 * guide, 同意并继续 (in weapp WeChat's agreePrivacyAuthorization button) and 不同意. Sizes follow the
 * page's care mode. `silent`: the page takes its turn on top but shows no sheet (the guide itself).
 */
export function PrivacySheet({ silent = false }: { silent?: boolean }) {
  const id = useRef(0)
  if (id.current === 0) id.current = nextId++
  useEffect(() => {
    const me = id.current
    sheetShown(me)
    return () => sheetGone(me)
  }, [])
  useDidShow(() => sheetShown(id.current))
  const s = useSyncExternalStore(subscribeConsent, consentSnapshot, consentSnapshot)
  if (silent || !s.ask || s.top !== id.current) return null

  const agreeLabel = s.busy ? '正在保存…' : '同意并继续'
  return (
    <View className="privacy-sheet" data-testid="privacy-sheet" data-busy={s.busy ? 'true' : 'false'}>
      <View className="privacy-sheet__mask" />
      <View className="privacy-sheet__panel" ariaRole="dialog" ariaLabel="隐私保护指引">
        <Text className="privacy-sheet__title">请阅读《隐私保护指引》</Text>
        {s.ask.reason ? (
          <Text className="privacy-sheet__reason" data-testid="privacy-sheet-reason">
            {s.ask.reason}
          </Text>
        ) : null}
        <View className="privacy-sheet__lines">
          {PRIVACY_CONSENT.summary.map((line) => (
            <Text key={line} className="privacy-sheet__line">
              · {line}
            </Text>
          ))}
        </View>
        <View
          className="privacy-sheet__link"
          data-testid="privacy-sheet-guide"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE })}
        >
          <Text>查看完整的《隐私保护指引》›</Text>
        </View>
        {s.error ? (
          <Text className="privacy-sheet__error" data-testid="privacy-sheet-error" data-code={s.error.code}>
            ⚠ {s.error.message}
          </Text>
        ) : null}
        <View className="privacy-sheet__actions">
          {process.env.TARO_ENV === 'weapp' ? (
            <Button
              id={AGREE_BUTTON_ID}
              className="btn btn--primary btn--block privacy-sheet__agree"
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={() => void agreeConsent()}
              data-testid="privacy-agree"
            >
              {agreeLabel}
            </Button>
          ) : (
            <View
              className="btn btn--primary btn--block privacy-sheet__agree"
              data-testid="privacy-agree"
              ariaRole="button"
              onClick={() => void agreeConsent()}
            >
              <Text>{agreeLabel}</Text>
            </View>
          )}
          <View className="btn btn--secondary btn--block" data-testid="privacy-refuse" ariaRole="button" onClick={refuseConsent}>
            <Text>不同意</Text>
          </View>
        </View>
      </View>
    </View>
  )
}
