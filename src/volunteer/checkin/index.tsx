import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckinCounts, CheckinResult, RosterEntry, SyncResult, VolunteerActivity } from '@shared/contracts/checkin'
import { AUDIENCES } from '@shared/domain/vocabulary'
import { ChoiceChips, Field, TextArea, TextInput } from '@/components/form'
import { ErrorState, Loading } from '@/components/states'
import { CloudError, toCloudError } from '@/services/callCloud'
import {
  checkInManually,
  fetchRoster,
  listCheckinActivities,
  lookupRegistrations,
  registerWalkIn,
  scanTicket,
  syncScans,
} from '@/services/checkin'
import { instantText, timeRangeText } from '@/utils/activityText'
import { newNonce } from '@/utils/nonce'
import { countsText } from '../components/countsText'
import { ScanButton } from '../components/ScanButton'
import { ScanResult, type ScanView } from '../components/ScanResult'
import { checkInOffline, readRoster, saveRoster, type SavedRoster } from '../offline/offline'
import { drain, readQueue } from '../offline/queue'
import { taroStore } from '../offline/store'
import '../components/vol.scss'
import './index.scss'

type Audience = (typeof AUDIENCES)[number]['code']

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

const okView = (r: CheckinResult, offline = false): ScanView => ({ result: 'ok', offline, maskedName: r.name, proxy: r.proxy })

function refusalView(err: CloudError): ScanView {
  if (err.code === 'ALREADY_CHECKED_IN') {
    const d = err.details ?? {}
    return {
      result: 'already',
      offline: false,
      checkedInAt: typeof d.checkedInAt === 'number' ? d.checkedInAt : null,
      byName: typeof d.byName === 'string' ? d.byName : null,
      maskedName: typeof d.name === 'string' ? d.name : undefined,
    }
  }
  return { result: 'rejected', offline: false, code: err.code }
}

/**
 * The door screen of one activity: scan (weapp scanner / h5 camera) or paste a ticket, the result
 * big with icon and words; offline, scans are verified on the phone against the downloaded roster and
 * queued; 同步 sends the queue (also tried after every call that succeeds). Below: look a registrant
 * up by surname and phone tail, and register a walk-in.
 */
export default function CheckinPage() {
  const router = useRouter()
  const activityId = typeof router.params.id === 'string' ? safeDecode(router.params.id) : ''

  const [activity, setActivity] = useState<VolunteerActivity | null>(null)
  const [loadError, setLoadError] = useState<CloudError | null>(null)
  const [counts, setCounts] = useState<CheckinCounts | null>(null)
  const [roster, setRoster] = useState<SavedRoster | null>(() => readRoster(taroStore, activityId))
  const [queued, setQueued] = useState(() => readQueue(taroStore).length)
  const [view, setView] = useState<ScanView | null>(null)
  const [busy, setBusy] = useState(false)
  const [paste, setPaste] = useState('')

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

  // ---- sync of the offline queue ------------------------------------------------------------
  const [syncing, setSyncing] = useState(false)
  const [conflicts, setConflicts] = useState<SyncResult[]>([])
  const [syncError, setSyncError] = useState<CloudError | null>(null)
  const [synced, setSynced] = useState<number | null>(null)
  const syncingRef = useRef(false)
  const sync = useCallback(async () => {
    if (syncingRef.current || readQueue(taroStore).length === 0) return
    syncingRef.current = true
    setSyncing(true)
    setSyncError(null)
    try {
      const { reports } = await drain(taroStore, async (batch) => {
        const res = await syncScans({
          items: batch.map((s) => ({ nonce: s.nonce, token: s.token, activityId: s.activityId, scannedAt: s.scannedAt })),
        })
        return { done: res.results.map((r) => r.nonce), report: res }
      })
      const results = reports.flatMap((r) => r.results)
      setConflicts((old) => [...old, ...results.filter((r) => !r.ok && !r.replayed)])
      setSynced(results.filter((r) => r.ok).length)
      const last = reports[reports.length - 1]
      if (last?.counts[activityId]) setCounts(last.counts[activityId])
    } catch (err) {
      setSyncError(toCloudError(err))
    } finally {
      setQueued(readQueue(taroStore).length)
      syncingRef.current = false
      setSyncing(false)
    }
  }, [activityId])

  /** After any call that reached the cloud: retry the queue. */
  const online = useCallback(() => {
    if (readQueue(taroStore).length > 0) void sync()
  }, [sync])

  // The network comes back: send the queue without waiting for the volunteer.
  useEffect(() => {
    const onChange = (res: { isConnected: boolean }) => {
      if (res.isConnected) online()
    }
    try {
      Taro.onNetworkStatusChange(onChange)
    } catch {
      return undefined
    }
    return () => {
      try {
        Taro.offNetworkStatusChange(onChange)
      } catch {
        // not supported here: the retry after each successful call still runs
      }
    }
  }, [online])

  // ---- scanning ------------------------------------------------------------------------------
  const busyRef = useRef(false)
  const checkToken = useCallback(
    async (raw: string) => {
      const token = raw.trim()
      if (!token || busyRef.current) return
      busyRef.current = true
      setBusy(true)
      try {
        const res = await scanTicket({ activityId, token })
        setView(okView(res))
        setCounts(res.counts)
        setPaste('')
        online()
      } catch (err) {
        const e = toCloudError(err)
        const saved = readRoster(taroStore, activityId)
        if (e.code === 'NETWORK' && saved) {
          const v = checkInOffline(taroStore, saved, activityId, token, Date.now())
          setQueued(readQueue(taroStore).length)
          if (v.result === 'ok') {
            setView({ result: 'ok', offline: true, maskedName: v.maskedName, proxy: v.proxy })
            setPaste('')
          } else if (v.result === 'already') setView({ ...v, offline: true })
          else setView({ result: 'rejected', offline: true, code: v.code })
        } else {
          setView(refusalView(e))
          if (e.code !== 'NETWORK') online()
        }
      } finally {
        busyRef.current = false
        setBusy(false)
      }
    },
    [activityId, online],
  )

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
      {view ? <ScanResult view={view} /> : null}

      <View className="section vol-scan">
        <ScanButton onToken={(t) => void checkToken(t)} disabled={busy} />
        <Field label="或粘贴入场码文字" hint="扫码枪或手动输入也可以，以 LLW1. 开头" testid="scan-paste">
          <TextArea value={paste} onChange={setPaste} testid="scan-paste-input" placeholder="LLW1.…" maxlength={300} />
        </Field>
        <View
          className={`btn ${busy ? 'btn--disabled' : 'btn--primary'} btn--block`}
          data-testid="scan-paste-submit"
          ariaRole="button"
          onClick={() => void checkToken(paste)}
        >
          <Text>{busy ? '正在核验…' : '核验并签到'}</Text>
        </View>
      </View>

      <OfflinePanel
        roster={roster}
        queued={queued}
        downloading={downloading}
        rosterError={rosterError}
        onDownload={() => void download()}
        syncing={syncing}
        synced={synced}
        syncError={syncError}
        conflicts={conflicts}
        onSync={() => void sync()}
      />

      <Lookup
        activityId={activityId}
        onResult={(v, c) => {
          setView(v)
          if (c) setCounts(c)
          if (!v.offline) online()
        }}
      />
      <WalkIn
        activityId={activityId}
        onCounts={(c) => {
          setCounts(c)
          online()
        }}
      />
    </View>
  )
}

function OfflinePanel(p: {
  roster: SavedRoster | null
  queued: number
  downloading: boolean
  rosterError: CloudError | null
  onDownload: () => void
  syncing: boolean
  synced: number | null
  syncError: CloudError | null
  conflicts: SyncResult[]
  onSync: () => void
}) {
  return (
    <View className="section vol-offline" data-testid="offline-panel" data-queued={p.queued} data-roster={p.roster ? 'yes' : 'no'}>
      <Text className="section__title">离线签到</Text>
      <Text className="vol-offline__text" data-testid="roster-status">
        {p.roster
          ? `✓ 名单已下载（${instantText(p.roster.generatedAt)}，${p.roster.activity.entries.length} 人）。没有网络时也能核验入场码。`
          : '信号不好的场地，请先在有网络时下载名单，断网后仍可核验入场码。'}
      </Text>
      <View
        className={`btn ${p.downloading ? 'btn--disabled' : 'btn--secondary'} btn--block`}
        data-testid="roster-download"
        ariaRole="button"
        onClick={p.onDownload}
      >
        <Text>{p.downloading ? '正在下载…' : p.roster ? '重新下载名单' : '下载名单'}</Text>
      </View>
      {p.rosterError ? <Text className="vol-error">⚠ {p.rosterError.message}</Text> : null}
      <Text className="vol-offline__text" data-testid="queue-status">
        {p.queued > 0 ? `待同步：${p.queued} 条离线签到` : '没有待同步的离线签到'}
      </Text>
      {p.queued > 0 ? (
        <View
          className={`btn ${p.syncing ? 'btn--disabled' : 'btn--primary'} btn--block`}
          data-testid="queue-sync"
          ariaRole="button"
          onClick={p.onSync}
        >
          <Text>{p.syncing ? '正在同步…' : '同步'}</Text>
        </View>
      ) : null}
      {p.syncError ? <Text className="vol-error">⚠ 同步失败：{p.syncError.message}，稍后会自动重试</Text> : null}
      {p.synced !== null ? <Text className="vol-offline__text">✓ 已同步 {p.synced} 条</Text> : null}
      {p.conflicts.map((c) => (
        <Text key={c.nonce} className="vol-error" data-testid="sync-conflict" data-code={c.code ?? ''}>
          ⚠ {c.name ?? '一位居民'}：
          {c.code === 'ALREADY_CHECKED_IN' && c.checkedIn
            ? `已在 ${instantText(c.checkedIn.checkedInAt)} 由${c.checkedIn.byName}签到，本次不重复计数`
            : `未通过（${c.code ?? '未知原因'}）`}
        </Text>
      ))}
    </View>
  )
}

function Lookup({ activityId, onResult }: { activityId: string; onResult: (v: ScanView, counts?: CheckinCounts) => void }) {
  const [surname, setSurname] = useState('')
  const [tail, setTail] = useState('')
  const [matches, setMatches] = useState<RosterEntry[] | null>(null)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [busy, setBusy] = useState(false)
  const find = async () => {
    if (busy) return
    setBusy(true)
    setFailure(null)
    try {
      const res = await lookupRegistrations({ activityId, surname: surname.trim(), phoneTail: tail.trim() })
      setMatches(res.matches)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }
  const checkIn = async (m: RosterEntry) => {
    try {
      const res = await checkInManually({ activityId, registrationId: m.registrationId, nonce: newNonce() })
      onResult(okView(res), res.counts)
      setMatches(null)
    } catch (err) {
      onResult(refusalView(toCloudError(err)))
    }
  }
  return (
    <View className="section" data-testid="lookup">
      <Text className="section__title">没带票？按姓氏和手机尾号查找</Text>
      <Field label="姓氏" required testid="lookup-surname-field">
        <TextInput value={surname} onChange={setSurname} testid="lookup-surname" placeholder="例如 张" maxlength={4} />
      </Field>
      <Field label="手机号后4位" required testid="lookup-tail-field">
        <TextInput
          value={tail}
          onChange={setTail}
          testid="lookup-tail"
          type="number"
          placeholder="例如 1234"
          maxlength={4}
          onConfirm={() => void find()}
        />
      </Field>
      <View
        className={`btn ${busy ? 'btn--disabled' : 'btn--secondary'} btn--block`}
        data-testid="lookup-submit"
        ariaRole="button"
        onClick={() => void find()}
      >
        <Text>{busy ? '正在查找…' : '查找'}</Text>
      </View>
      {failure ? (
        <Text className="vol-error" data-testid="lookup-error">
          ⚠ {failure.message}
        </Text>
      ) : null}
      {matches !== null && matches.length === 0 ? (
        <Text className="vol-offline__text" data-testid="lookup-none">
          没有找到，请核对姓氏和手机尾号
        </Text>
      ) : null}
      {(matches ?? []).map((m) => (
        <View key={m.registrationId} className="vol-match" data-testid="lookup-match" data-id={m.registrationId}>
          <Text className="vol-match__name">
            {m.name}
            {m.phoneTail ? `（尾号 ${m.phoneTail}）` : ''}
            {m.proxy ? ' · 代报名' : ''}
          </Text>
          {m.checkedIn ? (
            <Text className="vol-offline__text">⚠ 已于 {instantText(m.checkedIn.checkedInAt)} 签到</Text>
          ) : m.status !== 'confirmed' ? (
            <Text className="vol-offline__text">✕ {m.status === 'cancelled' ? '已取消报名' : '候补中，未报名成功'}</Text>
          ) : (
            <View className="btn btn--primary" data-testid="lookup-checkin" ariaRole="button" onClick={() => void checkIn(m)}>
              <Text>为其签到</Text>
            </View>
          )}
        </View>
      ))}
    </View>
  )
}

const AUDIENCE_OPTIONS = AUDIENCES.map((a) => ({ code: a.code, label: a.label }))

function WalkIn({ activityId, onCounts }: { activityId: string; onCounts: (c: CheckinCounts) => void }) {
  const [name, setName] = useState('')
  const [audience, setAudience] = useState<Audience>('residents')
  const [headcount, setHeadcount] = useState('1')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [done, setDone] = useState<string | null>(null)
  // One nonce per walk-in being entered: a retry after a lost answer is not counted twice.
  const nonce = useRef(newNonce())
  const submit = async () => {
    if (busy) return
    const n = Number.parseInt(headcount, 10)
    setBusy(true)
    setFailure(null)
    setDone(null)
    try {
      const res = await registerWalkIn({
        activityId,
        ...(name.trim() ? { name: name.trim() } : {}),
        audience,
        headcount: Number.isFinite(n) && n > 0 ? n : 1,
        nonce: nonce.current,
      })
      nonce.current = newNonce()
      setDone(`✓ 已登记 ${res.name ?? '现场参与者'}${res.headcount > 1 ? `等 ${res.headcount} 人` : ''}`)
      setName('')
      setHeadcount('1')
      onCounts(res.counts)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="section" data-testid="walkin">
      <Text className="section__title">现场登记（未报名直接来的）</Text>
      <Field label="姓名" hint="可以不填" testid="walkin-name-field">
        <TextInput value={name} onChange={setName} testid="walkin-name" placeholder="例如 刘建国" maxlength={20} />
      </Field>
      <Field label="人群类别" required testid="walkin-audience-field">
        <ChoiceChips options={AUDIENCE_OPTIONS} value={audience} onChange={setAudience} testid="walkin-audience" columns={2} />
      </Field>
      <Field label="人数" required hint="一起来的一组人可以一次登记" testid="walkin-headcount-field">
        <TextInput value={headcount} onChange={setHeadcount} testid="walkin-headcount" type="number" maxlength={3} />
      </Field>
      <View
        className={`btn ${busy ? 'btn--disabled' : 'btn--primary'} btn--block`}
        data-testid="walkin-submit"
        ariaRole="button"
        onClick={() => void submit()}
      >
        <Text>{busy ? '正在登记…' : '登记入场'}</Text>
      </View>
      {failure ? (
        <Text className="vol-error" data-testid="walkin-error">
          ⚠ {failure.message}
        </Text>
      ) : null}
      {done ? (
        <Text className="vol-done" data-testid="walkin-done">
          {done}
        </Text>
      ) : null}
    </View>
  )
}
