import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareTimeline } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { CourseKind } from '@shared/domain/vocabulary'
import { COURSE_KINDS } from '@shared/domain/vocabulary'
import { Chip } from '@/components/Chip'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { listCourses } from '@/services/course'
import { readString, writeString } from '@/utils/storage'
import { courseUrl } from '@/utils/courseText'
import { OPEN_IN_APP } from '@/utils/timeline'
import { isVisitor } from '@/utils/visitor'
import { CourseCard } from '../components/CourseCard'
import './index.scss'

const KIND_KEY = 'learn.kind'
const isKind = (v: unknown): v is CourseKind => COURSE_KINDS.some((k) => k.code === v)

/**
 * 学用手机·读好书: the week's courses in two tabs, 智慧助老 (phone skills for seniors) and 全民阅读,
 * each card with the caller's own progress in words and as a bar. Shared to 朋友圈: a visitor
 * (single-page mode, no identity) browses the courses; opening one needs the mini-program.
 */
export default function CoursesPage() {
  const router = useRouter()
  const [kind, setKind] = useState<CourseKind>(() => {
    const fromUrl = router.params.kind
    if (isKind(fromUrl)) return fromUrl
    const kept = readString(KIND_KEY)
    return isKind(kept) ? kept : 'smart_senior'
  })
  const [round, setRound] = useState(0)
  const list = useAsync(() => listCourses({ kind }), [kind, round])

  const shown = useRef(false)
  useDidShow(() => {
    // Back from a course: progress may have moved.
    if (shown.current) setRound((n) => n + 1)
    shown.current = true
  })
  usePullDownRefresh(() => {
    setRound((n) => n + 1)
    Taro.stopPullDownRefresh()
  })

  const choose = (k: CourseKind) => {
    setKind(k)
    writeString(KIND_KEY, k)
  }
  const [visitor] = useState(isVisitor)
  useShareTimeline(() => ({ title: '学用手机·读好书', query: `kind=${kind}` }))
  const open = (id: string) => {
    if (visitor) void Taro.showToast({ title: `${OPEN_IN_APP}后学习`, icon: 'none' })
    else void Taro.navigateTo({ url: courseUrl(id, null) })
  }

  return (
    <PageShell className="courses" testid="courses-page">
      <View className="page-head">
        <Text className="page-head__title">学用手机·读好书</Text>
        <Text className="page-head__text">一步一屏，慢慢学。学到一半离开也没关系，下次回来接着学；学完整门课可以领取结业证书。</Text>
      </View>

      <View className="courses-tabs" data-testid="courses-tabs">
        {COURSE_KINDS.map((k) => (
          <Chip key={k.code} selected={kind === k.code} testid={`courses-tab-${k.code}`} value={k.code} onTap={() => choose(k.code)}>
            {k.label}
          </Chip>
        ))}
      </View>

      {kind === 'reading' && !visitor ? (
        <View
          className="courses-books"
          data-testid="courses-books"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: '/learn/books/index' })}
        >
          <Text className="courses-books__title">好书推荐 · 读书打卡 ›</Text>
          <Text className="courses-books__text">看看推荐的好书，每天记下读了多少分钟</Text>
        </View>
      ) : null}

      <View data-testid="course-list" data-status={list.status} data-kind={kind}>
        {list.status === 'loading' ? <Loading text="正在加载课程…" /> : null}
        {list.status === 'error' ? <ErrorState message={list.error.message} code={list.error.code} onRetry={list.reload} /> : null}
        {list.status === 'ready' && list.data.courses.length === 0 ? (
          <Empty title="这里还没有课程" hint="主办单位发布课程后会显示在这里，也可以先看看活动周的线下课堂。">
            {visitor ? null : (
              <View
                className="btn btn--primary"
                data-testid="courses-go-home"
                ariaRole="link"
                onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}
              >
                <Text>去看活动</Text>
              </View>
            )}
          </Empty>
        ) : null}
        {list.status === 'ready' ? list.data.courses.map((c) => <CourseCard key={c.id} course={c} onOpen={open} />) : null}
        {list.status === 'ready' && list.data.courses.length > 0 ? (
          <View className="courses-footer">
            <Text className="muted">共 {list.data.courses.length} 门课程</Text>
          </View>
        ) : null}
      </View>
    </PageShell>
  )
}
