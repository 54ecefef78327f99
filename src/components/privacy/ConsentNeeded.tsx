import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PRIVACY_PAGE } from './PrivacySheet'

/**
 * After 不同意: what needs the consent, in a sentence, with 阅读并同意 (the sheet again) and the whole
 * guide. Browsing goes on without it.
 */
export function ConsentNeeded({ text, onAsk, testid = 'consent-needed' }: { text: string; onAsk: () => void; testid?: string }) {
  return (
    <View className="consent-needed" data-testid={testid}>
      <Text className="consent-needed__text">{text}</Text>
      <View className="btn btn--primary btn--block" data-testid={`${testid}-agree`} ariaRole="button" onClick={onAsk}>
        <Text>阅读并同意《隐私保护指引》</Text>
      </View>
      <View
        className="btn btn--secondary btn--block"
        data-testid={`${testid}-guide`}
        ariaRole="link"
        onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE })}
      >
        <Text>查看《隐私保护指引》</Text>
      </View>
    </View>
  )
}
