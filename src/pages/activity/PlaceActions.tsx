import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

/**
 * 地图 for an address and 打开 for an online link. We hold no coordinates, so weapp cannot use
 * openLocation: it copies the text and says so on the page (no pop-up of ours). h5 links to Amap's
 * search and opens the URL.
 */
export function MapLink({ address }: { address: string }) {
  const [copied, setCopied] = useState(false)
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a
        className="btn btn--secondary detail-link"
        data-testid="map-link"
        href={`https://uri.amap.com/search?keyword=${encodeURIComponent(address)}`}
        target="_blank"
        rel="noopener noreferrer"
      >
        地图
      </a>
    )
  }
  return (
    <View className="detail-copy">
      <View
        className="btn btn--secondary detail-link"
        data-testid="map-link"
        ariaRole="button"
        ariaLabel="复制地址，到地图应用中查找"
        onClick={() => {
          void Taro.setClipboardData({ data: address }).then(() => setCopied(true))
        }}
      >
        <Text>地图</Text>
      </View>
      {copied ? (
        <Text className="detail-copy__done" data-testid="map-copied">
          ✓ 地址已复制，请到地图应用中粘贴查找
        </Text>
      ) : null}
    </View>
  )
}

export function OnlineLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false)
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className="btn btn--secondary detail-link" data-testid="online-link" href={url} target="_blank" rel="noopener noreferrer">
        打开线上链接
      </a>
    )
  }
  return (
    <View className="detail-copy">
      <View
        className="btn btn--secondary detail-link"
        data-testid="online-link"
        ariaRole="button"
        onClick={() => {
          void Taro.setClipboardData({ data: url }).then(() => setCopied(true))
        }}
      >
        <Text>复制线上链接</Text>
      </View>
      {copied ? (
        <Text className="detail-copy__done" data-testid="online-copied">
          ✓ 链接已复制，请在浏览器中打开
        </Text>
      ) : null}
    </View>
  )
}
