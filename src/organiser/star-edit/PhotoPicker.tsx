import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { fileUrl } from '@/services/fileUrl'
import { uploadImage } from '@/services/upload'

export interface Photo {
  key: string
  /** The picture to show: the phone's file while new, the stored one's URL when loaded. */
  src: string
  fileId: string | null
  error: CloudError | null
}

let photoSeq = 0

/** Photos already stored (a saved draft), ready to show. */
export const storedPhotos = (fileIds: readonly string[]): Photo[] =>
  fileIds.map((fileId) => ({ key: `s${++photoSeq}`, src: fileUrl(fileId), fileId, error: null }))

/**
 * Up to `max` photos: chosen on the phone and uploaded to cloud storage under `folder` at once (as
 * the publicity form does), each with its state in words; a failed one is deleted and chosen again.
 * The list is the caller's (`photos`, `onChange` with an updater, as uploads finish one by one).
 */
export function PhotoPicker({
  photos,
  onChange,
  folder,
  max,
  testid,
}: {
  photos: Photo[]
  onChange: (update: (ps: Photo[]) => Photo[]) => void
  folder: string
  max: number
  testid: string
}) {
  const uploading = photos.some((p) => !p.fileId && !p.error)
  const stored = photos.filter((p) => p.fileId).length

  const choose = async () => {
    const room = max - photos.length
    if (room <= 0) return
    let paths: string[]
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      paths = res.tempFilePaths.slice(0, room)
    } catch {
      // Cancelled: nothing to say.
      return
    }
    const added: Photo[] = paths.map((src) => ({ key: `p${++photoSeq}`, src, fileId: null, error: null }))
    onChange((ps) => [...ps, ...added].slice(0, max))
    await Promise.all(
      added.map(async (p) => {
        try {
          const fileId = await uploadImage(p.src, folder)
          onChange((ps) => ps.map((x) => (x.key === p.key ? { ...x, fileId, error: null } : x)))
        } catch (err) {
          onChange((ps) => ps.map((x) => (x.key === p.key ? { ...x, error: toCloudError(err) } : x)))
        }
      }),
    )
  }

  return (
    <View>
      <View className="star-photos" data-testid={testid} data-count={stored} data-uploading={uploading ? 'true' : 'false'}>
        {photos.map((p, i) => (
          <View key={p.key} className="star-photo" data-testid={`${testid}-item`} data-file-id={p.fileId ?? ''}>
            <Image className="star-photo__img" src={p.src} mode="aspectFill" ariaLabel={`第 ${i + 1} 张照片`} />
            <Text className={`star-photo__state${p.error ? ' star-photo__state--error' : ''}`}>
              {p.error ? '⚠ 上传失败' : p.fileId ? '✓ 已上传' : '上传中…'}
            </Text>
            <View
              className="star-photo__remove"
              data-testid={`${testid}-remove`}
              ariaRole="button"
              ariaLabel={`删除第 ${i + 1} 张照片`}
              onClick={() => onChange((ps) => ps.filter((x) => x.key !== p.key))}
            >
              <Text>删除</Text>
            </View>
          </View>
        ))}
        {photos.length < max ? (
          <View className="star-photo star-photo--add" data-testid={`${testid}-add`} ariaRole="button" onClick={() => void choose()}>
            <Text className="star-photo__plus">＋</Text>
            <Text className="star-photo__state">选择照片</Text>
          </View>
        ) : null}
      </View>
      {photos.some((p) => p.error) ? <Text className="field__error">⚠ 有照片没有上传成功，请删除后重新选择。</Text> : null}
    </View>
  )
}
