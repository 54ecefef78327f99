import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckinCounts, SyncResult } from '@shared/contracts/checkin'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { syncScans } from '@/services/checkin'
import { checkInOffline, type OfflineVerdict, type SavedRoster } from '../offline/offline'
import { drain, readQueue } from '../offline/queue'
import { taroStore } from '../offline/store'

export interface OfflineQueue {
  /** Scans waiting on this phone (all activities). */
  queued: number
  syncing: boolean
  /** Scans the cloud refused when they were synced (e.g. checked in at another door meanwhile). */
  conflicts: SyncResult[]
  syncError: CloudError | null
  /** How many the last sync checked in, or null before the first. */
  synced: number | null
  /** Verifies a ticket on the phone against the saved roster and queues it. */
  checkInOffline: (saved: SavedRoster, token: string) => OfflineVerdict
  /** Sends the queue (one run at a time; nothing to do when it is empty). */
  sync: () => Promise<void>
  /** After any call that reached the cloud: retry the queue. */
  online: () => void
}

/**
 * The offline queue of the door screen: its length, the sync state and its outcome. `onCounts` gets
 * the activity's counts from the last batch synced. The queue is sent when the network comes back
 * (where the platform reports it) and after every call that reached the cloud (`online`).
 */
export function useOfflineQueue(activityId: string, onCounts: (counts: CheckinCounts) => void): OfflineQueue {
  const [queued, setQueued] = useState(() => readQueue(taroStore).length)
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
      if (last?.counts[activityId]) onCounts(last.counts[activityId])
    } catch (err) {
      setSyncError(toCloudError(err))
    } finally {
      setQueued(readQueue(taroStore).length)
      syncingRef.current = false
      setSyncing(false)
    }
  }, [activityId, onCounts])

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

  const checkIn = useCallback(
    (saved: SavedRoster, token: string) => {
      const verdict = checkInOffline(taroStore, saved, activityId, token, Date.now())
      setQueued(readQueue(taroStore).length)
      return verdict
    },
    [activityId],
  )

  return { queued, syncing, conflicts, syncError, synced, checkInOffline: checkIn, sync, online }
}
