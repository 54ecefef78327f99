import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckinCounts, VolunteerActivity } from '@shared/contracts/checkin'
import { Field, TextArea } from '@/components/form'
import { PrivacySheet } from '@/components/privacy/PrivacySheet'
import { ErrorState, Loading } from '@/components/states'
import { CloudError, toCloudError } from '@/services/callCloud'
import { fetchRoster, listCheckinActivities, scanTicket } from '@/services/checkin'
import { instantText, timeRangeText } from '@/utils/activityText'
import { countsText } from '../components/countsText'
import { ScanButton } from '../components/ScanButton'
import { ScanResult, type ScanView } from '../components/ScanResult'
import { readRoster, saveRoster, type SavedRoster } from '../offline/offline'
import { taroStore } from '../offline/store'
import { Lookup } from './Lookup'
import { OfflinePanel } from './OfflinePanel'
import { countResult, EMPTY_TALLY, ScanTally, type Tally } from './ScanTally'
import { takeTickets } from './tokenInput'
import { useOfflineQueue } from './useOfflineQueue'
import { okView, refusalView } from './views'
import { WalkIn } from './WalkIn'
import '../components/vol.scss'
import './index.scss'

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * The door screen of one activity: scan (weapp scanner / h5 camera) or paste a ticket, the result
 * big with icon and words; offline, scans are verified on the phone against the downloaded roster and
 * queued; 同步 sends the queue (also tried after every call that succeeds). Below: look a registrant
 * up by surname and phone tail, and register a walk-in; their answers show in the same result
 * area at the top, scrolled into view.
 */
export default function CheckinPage() {
  const router = useRouter()
  const activityId = typeof router.params.id === 'string' ? safeDecode(router.params.id) : ''

  const [activity, setActivity] = useState<VolunteerActivity | null>(null)
  const [loadError, setLoadError] = useState<CloudError | null>(null)
  const [counts, setCounts] = useState<CheckinCounts | null>(null)
  const [roster, setRoster] = useState<SavedRoster | null>(() => readRoster(taroStore, activityId))
  const [view, setView] = useState<ScanView | null>(null)
  const [busy, setBusy] = useState(false)
  const [paste, setPaste] = useState('')
  // Every answer (a scan, a look-up, a walk-in) shows at the top, scrolled into view.
  const [shownBelow, setShownBelow] = useState(0)
  useEffect(() => {
    if (shownBelow > 0) void Taro.pageScrollTo({ selector: '#checkin-result', duration: 0 }).catch(() => undefined)
  }, [shownBelow])
  const showFromBelow = (v: ScanView) => {
    setView(v)
    setShownBelow((n) => n + 1)
  }

  const load = useCallback(async () => {
    setLoadError(null)
    try {
      const res = await listCheckinActivities()
      const a = res.items.find((x) => x.id === activityId) ?? null
      if (!a) throw new CloudError('FORBIDDEN')
      setActivity(a)
      setCounts(a.counts)
    } catch (err) {
      const e = toCloudError(err)
      // Offline with a roster: work from it.
      const saved = readRoster(taroStore, activityId)
      if (e.code === 'NETWORK' && saved) {
        setActivity(saved.activity)
        setCounts(saved.activity.counts)
      } else setLoadError(e)
    }
  }, [activityId])
  useEffect(() => {
    void load()
  }, [load])

  const queue = useOfflineQueue(activityId, setCounts)
  const { online, checkInOffline } = queue

  // ---- scanning ------------------------------------------------------------------------------
  // Tickets are judged one at a time, in the order they arrive: a keyboard-wedge scanner may type the
  // next ticket before the cloud has answered the last, and none may be dropped or run together.
  const busyRef = useRef(false)
  const pending = useRef<string[]>([])
  const [tally, setTally] = useState<Tally>(EMPTY_TALLY)
  const judged = (v: ScanView) => {
    setView(v)
    setTally((t) => countResult(t, v.result))
    // The paste box sits below the result: bring the answer into view (focus stays in the box).
    setShownBelow((n) => n + 1)
  }
  const checkOne = useCallback(
    async (token: string) => {
      try {
        const res = await scanTicket({ activityId, token })
        judged(okView(res))
        setCounts(res.counts)
        online()
      } catch (err) {
        const e = toCloudError(err)
        const saved = readRoster(taroStore, activityId)
        if (e.code === 'NETWORK' && saved) {
          const v = checkInOffline(saved, token)
          if (v.result === 'ok') judged({ result: 'ok', offline: true, maskedName: v.maskedName, proxy: v.proxy })
          else if (v.result === 'already') judged({ ...v, offline: true })
          else judged({ result: 'rejected', offline: true, code: v.code })
        } else {
          judged(refusalView(e))
          if (e.code !== 'NETWORK') online()
        }
      }
    },
    [activityId, online, checkInOffline],
  )
  const checkTokens = useCallback(
    async (tokens: string[]) => {
      pending.current.push(...tokens)
      if (busyRef.current) return
      busyRef.current = true
      setBusy(true)
      try {
        for (let next = pending.current.shift(); next !== undefined; next = pending.current.shift()) await checkOne(next)
      } finally {
        busyRef.current = false
        setBusy(false)
      }
    },
    [checkOne],
  )
  // Every finished ticket leaves the box at once, whatever its result: the box is ready for the next.
  const onPaste = (text: string) => {
    const { tokens, rest } = takeTickets(text, false)
    setPaste(rest)
    if (tokens.length) void checkTokens(tokens)
  }
  const submitPaste = () => {
    const { tokens } = takeTickets(paste, true)
    setPaste('')
    if (tokens.length) void checkTokens(tokens)
  }

  // ---- roster download -------------------------------------------------------------------------
  const [downloading, setDownloading] = useState(false)
  const [rosterError, setRosterError] = useState<CloudError | null>(null)
  const download = async () => {
    setDownloading(true)
    setRosterError(null)
    try {
      const res = await fetchRoster([activityId])
      const a = res.activities.find((x) => x.id === activityId)
      const key = a ? res.keys.find((k) => k.weekId === a.weekId) : undefined
      if (!a || !key) throw new Error('roster lacks the activity or its key')
      const saved: SavedRoster = { activity: a, publicKey: key.publicKey, generatedAt: res.generatedAt }
      saveRoster(taroStore, saved)
      setRoster(saved)
      setCounts(a.counts)
      online()
    } catch (err) {
      setRosterError(toCloudError(err))
    } finally {
      setDownloading(false)
    }
  }

  if (loadError) {
    return (
      <View className="page care vol" data-testid="checkin-page" data-care="on">
        <ErrorState message={loadError.message} code={loadError.code} onRetry={() => void load()} />
      </View>
    )
  }
  if (!activity) {
    return (
      <View className="page care vol" data-testid="checkin-page" data-care="on">
        <Loading text="正在打开签到…" />
      </View>
    )
  }

  return (
    <View className="page care vol" data-testid="checkin-page" data-care="on" data-activity={activityId}>
      <View className="page-head">
        <Text className="page-head__title">{activity.title}</Text>
        <Text className="page-head__text">{timeRangeText(activity.startAt, activity.endAt)}</Text>
        <Text className="page-head__text">
          签到时间：{instantText(activity.checkinOpensAt)} 至 {instantText(activity.checkinClosesAt)}
        </Text>
        {counts ? (
          <Text
            className="vol-count"
            data-testid="checkin-count"
            data-checked-in={counts.checkedIn}
            data-participants={counts.participants}
          >
            {countsText(counts)}
          </Text>
        ) : null}
      </View>

      {/* The answer first, where the eye already is; the controls below it. */}
      <View id="checkin-result" data-testid="checkin-result-area">
        {view ? <ScanResult view={view} /> : null}
      </View>
      <ScanTally tally={tally} />

      <View className="section vol-scan">
        <ScanButton onToken={(t) => void checkTokens([t])} disabled={busy} />
        <Field label="或粘贴入场码文字" hint="扫码枪可连续扫，每张以回车结束；手动输入以 LLW1. 开头" testid="scan-paste">
          <TextArea value={paste} onChange={onPaste} testid="scan-paste-input" placeholder="LLW1.…" maxlength={2000} />
        </Field>
        <View
          className={`btn ${busy ? 'btn--disabled' : 'btn--primary'} btn--block`}
          data-testid="scan-paste-submit"
          ariaRole="button"
          onClick={submitPaste}
        >
          <Text>{busy ? '正在核验…' : '核验并签到'}</Text>
        </View>
      </View>

      <OfflinePanel roster={roster} downloading={downloading} rosterError={rosterError} onDownload={() => void download()} queue={queue} />

      <Lookup
        activityId={activityId}
        onResult={(v, c) => {
          showFromBelow(v)
          if (c) setCounts(c)
          if (!v.offline) online()
        }}
      />
      <WalkIn
        activityId={activityId}
        onDone={(v, c) => {
          showFromBelow(v)
          setCounts(c)
          online()
        }}
      />
      {/* The phone's scanner waits for the person's agreement the first time (WeChat's privacy check). */}
      <PrivacySheet />
    </View>
  )
}
