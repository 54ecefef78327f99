import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** 我的活动 and 我的家人, near the top of home: the two places a resident comes back to. */
export function MineEntries() {
  return (
    <View className='home-mine'>
      <View
        className='home-mine__entry'
        data-testid='entry-mine'
        ariaRole='link'
        onClick={() => void Taro.navigateTo({ url: '/pages/mine/index' })}
      >
        <Text className='home-mine__title'>我的活动 ›</Text>
        <Text className='home-mine__text'>报名和通知</Text>
      </View>
      <View
        className='home-mine__entry'
        data-testid='entry-family'
        ariaRole='link'
        onClick={() => void Taro.navigateTo({ url: '/pages/family/index' })}
      >
        <Text className='home-mine__title'>我的家人 ›</Text>
        <Text className='home-mine__text'>代家人报名</Text>
      </View>
    </View>
  )
}
