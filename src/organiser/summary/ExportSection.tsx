import { Text, View } from '@tarojs/components'
import { InlineError } from '@/components/form'
import type { CloudError } from '@/services/callCloud'
import type { ExportFormat } from './useSummary'

const BUTTONS: { format: ExportFormat; label: string; busy: string; primary: boolean }[] = [
  { format: 'pdf', label: '导出 PDF（总结表，盖章用）', busy: '正在生成 PDF…', primary: true },
  { format: 'docx', label: '导出 Word（总结表）', busy: '正在生成 Word…', primary: true },
  { format: 'xlsx', label: '导出 Excel（活动明细）', busy: '正在生成 Excel…', primary: false },
]

/** 导出: the 总结表 as PDF or Word, the activities as Excel (what is typed is saved first). */
export function ExportSection({
  exporting,
  error,
  done,
  onExport,
}: {
  exporting: '' | ExportFormat
  error: CloudError | null
  done: string
  onExport: (format: ExportFormat) => void
}) {
  return (
    <View className="section sum-export" data-testid="summary-export">
      <Text className="section__title">导出</Text>
      <Text className="muted">导出前会先保存草稿。PDF 和 Word 按官方总结表排版（PDF 带盖章处，盖章后扫描上报）；Excel 每行一项活动。</Text>
      {BUTTONS.map((b) => (
        <View
          key={b.format}
          className={`btn btn--block ${exporting === b.format ? 'btn--disabled' : b.primary ? 'btn--primary' : 'btn--secondary'}`}
          data-testid={`summary-export-${b.format}`}
          ariaRole="button"
          onClick={() => onExport(b.format)}
        >
          <Text>{exporting === b.format ? b.busy : b.label}</Text>
        </View>
      ))}
      {error ? <InlineError message={error.message} code={error.code} testid="summary-export-error" /> : null}
      {done ? (
        <Text className="sum-done" data-testid="summary-export-done">
          {done}
        </Text>
      ) : null}
    </View>
  )
}
