import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'

/**
 * Keyword search over titles and venues. It searches only on 搜索 (the button or the keyboard's
 * search key), never per keystroke: Chinese input methods compose a word over several keystrokes,
 * and a list that jumps while a senior is still typing is confusing.
 */
export function SearchBar({ value, onSearch }: { value: string; onSearch: (keyword: string) => void }) {
  const [draft, setDraft] = useState(value)
  // The applied keyword changes from outside too (清除筛选, another week).
  useEffect(() => setDraft(value), [value])
  const submit = (text: string = draft) => onSearch(text.trim().slice(0, 30))
  return (
    <View className="home-search">
      <Input
        className="home-search__input"
        data-testid="search-input"
        ariaLabel="搜索活动名称或地点"
        nativeProps={{ 'aria-label': '搜索活动名称或地点' }}
        value={draft}
        maxlength={30}
        confirmType="search"
        placeholder="搜索活动名称或地点"
        placeholderClass="home-search__placeholder"
        onInput={(e) => setDraft(e.detail.value)}
        onConfirm={(e) => submit(typeof e.detail.value === 'string' ? e.detail.value : draft)}
      />
      <View className="btn btn--primary home-search__go" data-testid="search-submit" ariaRole="button" onClick={() => submit()}>
        <Text>搜索</Text>
      </View>
    </View>
  )
}
