import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/**
 * 我的活动 and 我的家人, near the top of home: the places a resident comes back to; below them the
 * courses (学用手机·读好书) and 读书打卡.
 */
export function MineEntries() {
  return (
    <View>
      <View className="home-mine">
        <View
          className="home-mine__entry"
          data-testid="entry-mine"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: '/pages/mine/index' })}
        >
          <Text className="home-mine__title">我的活动 ›</Text>
          <Text className="home-mine__text">报名和通知</Text>
        </View>
        <View
          className="home-mine__entry"
          data-testid="entry-family"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: '/pages/family/index' })}
        >
          <Text className="home-mine__title">我的家人 ›</Text>
          <Text className="home-mine__text">代家人报名</Text>
        </View>
      </View>
      <View className="home-mine">
        <View
          className="home-mine__entry"
          data-testid="entry-courses"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: '/learn/courses/index' })}
        >
          <Text className="home-mine__title">学用手机·读好书 ›</Text>
          <Text className="home-mine__text">一步一步学，学完领证书</Text>
        </View>
        <View
          className="home-mine__entry"
          data-testid="entry-reading"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: '/learn/books/index' })}
        >
          <Text className="home-mine__title">读书打卡 ›</Text>
          <Text className="home-mine__text">好书推荐，每天记一笔</Text>
        </View>
      </View>
    </View>
  )
}
