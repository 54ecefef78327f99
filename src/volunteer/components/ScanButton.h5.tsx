import { Text, View } from '@tarojs/components'
import jsQR from 'jsqr'
import { useEffect, useRef, useState } from 'react'

/**
 * h5: the camera via getUserMedia, only once the volunteer taps 打开摄像头; each video frame is drawn
 * onto a small canvas and read with jsqr. A code found is handed over once, then the same text is
 * ignored for 3 s so one ticket held in front of the camera is not sent again and again.
 */
export function ScanButton({ onToken, disabled }: { onToken: (text: string) => void; disabled?: boolean }) {
  const [on, setOn] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const video = useRef<HTMLVideoElement | null>(null)
  const last = useRef<{ text: string; at: number } | null>(null)
  const handler = useRef(onToken)
  handler.current = onToken

  useEffect(() => {
    if (!on) return undefined
    let stream: MediaStream | null = null
    let frame = 0
    let stopped = false
    const canvas = document.createElement('canvas')
    const ctx = canvas.getContext('2d', { willReadFrequently: true })
    const tick = () => {
      if (stopped) return
      const v = video.current
      if (v && ctx && v.readyState >= 2 && v.videoWidth > 0) {
        const scale = Math.min(1, 640 / v.videoWidth)
        canvas.width = Math.round(v.videoWidth * scale)
        canvas.height = Math.round(v.videoHeight * scale)
        ctx.drawImage(v, 0, 0, canvas.width, canvas.height)
        const img = ctx.getImageData(0, 0, canvas.width, canvas.height)
        const code = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' })
        const now = Date.now()
        if (code?.data && !(last.current && last.current.text === code.data && now - last.current.at < 3000)) {
          last.current = { text: code.data, at: now }
          handler.current(code.data)
        }
      }
      frame = requestAnimationFrame(tick)
    }
    void (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera')
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
        if (stopped) return
        if (video.current) {
          video.current.srcObject = stream
          await video.current.play().catch(() => undefined)
        }
        frame = requestAnimationFrame(tick)
      } catch {
        setFailure('无法打开摄像头：请允许使用摄像头，或在下面粘贴入场码')
        setOn(false)
      }
    })()
    return () => {
      stopped = true
      cancelAnimationFrame(frame)
      stream?.getTracks().forEach((t) => t.stop())
    }
  }, [on])

  return (
    <View className="vol-camera">
      {on ? (
        <View className="vol-camera__box" data-testid="scan-camera">
          <video ref={video} className="vol-camera__video" muted playsInline autoPlay />
        </View>
      ) : null}
      <View
        className={`btn ${on ? 'btn--secondary' : 'btn--primary'} btn--block vol-scan-btn`}
        data-testid="scan-open"
        data-camera={on ? 'on' : 'off'}
        ariaRole="button"
        onClick={() => {
          if (disabled) return
          setFailure(null)
          setOn(!on)
        }}
      >
        <Text>{on ? '关闭摄像头' : '打开摄像头扫码'}</Text>
      </View>
      {failure ? (
        <Text className="vol-camera__error" data-testid="scan-camera-error">
          ⚠ {failure}
        </Text>
      ) : null}
    </View>
  )
}
