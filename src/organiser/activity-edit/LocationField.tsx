import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Field } from '@/components/form'
import type { FormProps } from './useActivityEditor'

/**
 * 地图位置 of the venue: in weapp the organiser picks the place on WeChat's map (chooseLocation), so
 * residents can open navigation to it; the picked name and address fill the venue fields left
 * empty. h5 has no map picker: there the typed address is all residents get (a map search link).
 */
export function LocationField({ form, errors, set }: FormProps) {
  const [failed, setFailed] = useState(false)
  if (form.mode === 'online') return null
  const loc = form.location
  const pick = () => {
    setFailed(false)
    Taro.chooseLocation(loc ? { latitude: loc.latitude, longitude: loc.longitude } : {}).then(
      (r) => {
        const name = r.name?.slice(0, 60) || undefined
        const address = r.address?.slice(0, 120) || undefined
        set({
          location: { latitude: r.latitude, longitude: r.longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
          ...(!form.venueName.trim() && name ? { venueName: name } : {}),
          ...(!form.venueAddress.trim() && address ? { venueAddress: address } : {}),
        })
      },
      // Cancelled by the organiser, or location not allowed: say so only for the latter.
      (err: { errMsg?: string }) => setFailed(!/cancel/.test(err?.errMsg ?? '')),
    )
  }
  return (
    <Field
      label="地图位置"
      hint={
        process.env.TARO_ENV === 'weapp'
          ? '在地图上选好场地，居民可以一键导航；不选时居民按地址查找'
          : '在微信小程序中可以在地图上选点；这里请填好详细地址'
      }
      error={errors.location ?? (failed ? '没有取到位置，请允许使用位置信息后再试' : undefined)}
      testid="org-field-location-row"
    >
      <Text className="org-static" data-testid="org-field-location" data-value={loc ? `${loc.latitude},${loc.longitude}` : ''}>
        {loc ? `✓ 已选：${loc.name ?? loc.address ?? '地图上的位置'}` : '未选择'}
      </Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <View className="org-pair">
          <View className="btn btn--secondary" data-testid="org-field-location-pick" ariaRole="button" onClick={pick}>
            <Text>{loc ? '重新选择' : '在地图上选择'}</Text>
          </View>
          {loc ? (
            <View
              className="btn btn--secondary"
              data-testid="org-field-location-clear"
              ariaRole="button"
              onClick={() => set({ location: null })}
            >
              <Text>清除</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </Field>
  )
}
