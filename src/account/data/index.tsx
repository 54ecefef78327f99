import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { openExport } from '@/services/exportFile'
import { exportMyData, getMyData } from '@/services/privacy'
import { EraseSection } from './EraseSection'
import { MyDataSections } from './MyDataSections'
import { isEmpty } from './myDataText'
import { useErase } from './useErase'
import './index.scss'

/**
 * 我的信息 (我的 → 我的信息): everything stored about the resident and their family, section by
 * section; 导出我的信息 (a Word document to keep: saved/opened on the phone, downloaded in h5) and
 * 删除我的信息 (a warning with what happens, then privacy.erase until done). After a delete the page
 * reloads and shows the sections empty.
 */
export default function MyDataPage() {
  const [round, setRound] = useState(0)
  const res = useAsync(() => getMyData(), [round])
  const reload = () => setRound((n) => n + 1)
  const erase = useErase(reload)
  const [exporting, setExporting] = useState(false)
  const [exported, setExported] = useState('')
  const [exportError, setExportError] = useState<CloudError | null>(null)

  const exportNow = async () => {
    if (exporting) return
    setExporting(true)
    setExportError(null)
    setExported('')
    try {
      const file = await exportMyData()
      await openExport({ fileName: file.fileName, mime: file.mime, base64: file.base64 })
      setExported(`✓ 已生成 ${file.fileName}`)
    } catch (err) {
      setExportError(toCloudError(err))
    } finally {
      setExporting(false)
    }
  }

  const keep = () => {
    // Back from a failed delete: part of it may be done already, so show what is stored now.
    if (erase.state.step === 'failed') reload()
    erase.keep()
  }

  const s = erase.state
  const done = s.step === 'done'
  return (
    <PageShell className="my-data" testid="my-data-page">
      <View className="page-head">
        <Text className="page-head__title">我的信息</Text>
        <Text className="page-head__text">这里是我们保存的您和家人的全部信息。您可以导出一份留存，也可以删除。</Text>
      </View>

      {done ? (
        <View className="section my-data-done" data-testid="erase-done">
          <Text className="my-data-done__title">✓ 已删除您的信息</Text>
          <Text className="my-data-text">
            {s.cancelled > 0 ? `已取消 ${s.cancelled} 个尚未开始的报名，名额已让给候补的人。` : ''}
            报名、学习等记录已匿名化，统计数字不变。以后再报名时，需要重新填写资料。
          </Text>
        </View>
      ) : null}

      <View data-testid="my-data" data-status={res.status}>
        {res.status === 'loading' ? <Loading text="正在加载我的信息…" /> : null}
        {res.status === 'error' ? <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} /> : null}
        {res.status === 'ready' ? (
          <>
            <MyDataSections data={res.data} />
            <View className="section my-data-actions" data-testid="my-data-actions">
              <Text className="section__title">导出或删除</Text>
              {isEmpty(res.data) && s.step !== 'failed' ? (
                <Text className="my-data-text" data-testid="my-data-nothing">
                  我们没有保存您的个人信息，不需要导出或删除。
                </Text>
              ) : (
                <>
                  <Text className="my-data-muted">导出一份 Word 文件，可以保存到手机或发给家人（手机号中间四位用 * 代替）。</Text>
                  <View
                    className={`btn btn--block ${exporting ? 'btn--disabled' : 'btn--primary'}`}
                    data-testid="my-data-export"
                    data-busy={exporting ? 'true' : 'false'}
                    ariaRole="button"
                    onClick={() => void exportNow()}
                  >
                    <Text>{exporting ? '正在生成文件…' : '导出我的信息'}</Text>
                  </View>
                  {exported ? (
                    <Text className="my-data-ok" data-testid="my-data-exported">
                      {exported}
                    </Text>
                  ) : null}
                  {exportError ? (
                    <InlineError
                      message={`导出失败：${exportError.message}，请再点一次`}
                      code={exportError.code}
                      testid="my-data-export-error"
                    />
                  ) : null}
                  <EraseSection state={s} data={res.data} onAsk={erase.ask} onKeep={keep} onConfirm={erase.confirm} />
                </>
              )}
            </View>
          </>
        ) : null}
      </View>
    </PageShell>
  )
}
