/**
 * What an <Image> src should be for a stored picture (a lesson step, a course cover).
 *
 * Pictures are referred to by cloud storage fileIDs (`cloud://<env>/<path>`) or https URLs.
 * weapp: <Image> shows a cloud:// fileID directly, so it is returned unchanged.
 * h5: there is no WeChat storage; the local gateway serves the same files at /storage/<path>, on the
 * same origin as /api/call (see transportH5.ts), so `cloud://<env>/<path>` becomes `/storage/<path>`.
 * Anything else (https URLs) passes through.
 */
export function fileUrl(ref: string): string
export function fileUrl(ref: string | null | undefined): string | null
export function fileUrl(ref: string | null | undefined): string | null {
  if (!ref) return null
  if (process.env.TARO_ENV === 'h5') {
    const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(ref)
    if (match) return `/storage/${match[1].split('/').map(encodeURIComponent).join('/')}`
  }
  return ref
}
