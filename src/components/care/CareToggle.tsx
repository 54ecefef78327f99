import { Text, View } from '@tarojs/components'
import { useCareMode } from './useCareMode'
import './CareToggle.scss'

/**
 * The 长辈版 / 标准版 switch on the home page. It names the version it switches to (like WeChat's
 * own 关怀模式 entry) and states the current one in words, so colour is never the only signal.
 */
export function CareToggle() {
  const { care, toggle } = useCareMode()
  return (
    <View
      className={`care-toggle${care ? ' care-toggle--on' : ''}`}
      data-testid="care-toggle"
      data-care={care ? 'on' : 'off'}
      ariaRole="button"
      ariaLabel={care ? '当前为长辈版，点按切换到标准版' : '当前为标准版，点按切换到长辈版'}
      onClick={toggle}
    >
      <Text className="care-toggle__now">{care ? '当前：长辈版' : '当前：标准版'}</Text>
      <Text className="care-toggle__action">{care ? '标准版' : '长辈版'}</Text>
    </View>
  )
}
