import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ActivityDetail } from '@shared/contracts/activity'

/**
 * 地图 for the venue. With the organiser's map point, weapp opens WeChat's map with navigation
 * (openLocation); without one it copies the address and says so on the page (no pop-up of ours).
 * h5 links to Amap: the point as a marker, or a search for the address.
 */
export function MapLink({ a }: { a: Pick<ActivityDetail, 'location' | 'address' | 'venueName'> }) {
  const [copied, setCopied] = useState(false)
  const address = a.address ?? a.venueName ?? ''
  const loc = a.location
  const name = a.venueName ?? loc?.name ?? address
  if (process.env.TARO_ENV === 'h5') {
    const q = encodeURIComponent
    return (
      <a
        className="btn btn--secondary detail-link"
        data-testid="map-link"
        href={
          loc
            ? `https://uri.amap.com/marker?position=${loc.longitude},${loc.latitude}&name=${q(name)}&coordinate=gaode`
            : `https://uri.amap.com/search?keyword=${q(address)}`
        }
        target="_blank"
        rel="noopener noreferrer"
      >
        地图导航
      </a>
    )
  }
  return (
    <View className="detail-copy">
      <View
        className="btn btn--secondary detail-link"
        data-testid="map-link"
        ariaRole="button"
        ariaLabel={loc ? undefined : '复制地址，到地图应用中查找'}
        onClick={() => {
          if (loc) void Taro.openLocation({ latitude: loc.latitude, longitude: loc.longitude, name, address, scale: 16 })
          else void Taro.setClipboardData({ data: address }).then(() => setCopied(true))
        }}
      >
        <Text>{loc ? '地图导航' : '地图'}</Text>
      </View>
      {copied ? (
        <Text className="detail-copy__done" data-testid="map-copied">
          ✓ 地址已复制，请到地图应用中粘贴查找
        </Text>
      ) : null}
    </View>
  )
}

/** A call button for the organiser's phone: makePhoneCall in weapp, a tel: link in h5. */
export function CallLink({ phone, testid }: { phone: string; testid: string }) {
  const digits = phone.replace(/-/g, '')
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className="btn btn--secondary detail-link" data-testid={testid} href={`tel:${digits}`}>
        拨打电话
      </a>
    )
  }
  return (
    <View
      className="btn btn--secondary detail-link"
      data-testid={testid}
      ariaRole="button"
      ariaLabel={`拨打 ${phone}`}
      onClick={() => void Taro.makePhoneCall({ phoneNumber: digits })}
    >
      <Text>拨打电话</Text>
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
