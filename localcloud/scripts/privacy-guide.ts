// Prints the privacy guide (config/privacy.ts) as the WeChat console's 用户隐私保护指引 form asks for
// it (mp.weixin.qq.com → 设置 → 服务内容声明 → 用户隐私保护指引): one line per declared item, "为了<purpose>，
// 开发者将在获取你的明示同意后，收集你的<item>", then the items the console has no entry for, which the
// guide's 补充文档 covers. `npm run privacy:guide`.
import { PRIVACY_GUIDE, type PrivacyGuide } from '../../config/privacy'

/** The console's permissions are "used" (使用), its information items "collected" (收集). */
const PERMISSIONS = new Set(['摄像头', '相册（仅写入）权限', '日历（仅写入）权限', '剪切板', '麦克风', '蓝牙'])

export function consoleForm(guide: PrivacyGuide): string {
  // One console entry per item: purposes of the same item (your name, your family's names) joined.
  const declared = new Map<string, string[]>()
  for (const i of guide.items) if (i.wechatItem) declared.set(i.wechatItem, [...(declared.get(i.wechatItem) ?? []), i.purpose])
  const other = guide.items.filter((i) => !i.wechatItem)
  const lines = [
    `用户隐私保护指引 第 ${guide.version} 版（${guide.updatedOn}）`,
    '',
    '【收集的信息】（控制台逐项选择，用途照抄）',
    ...[...declared].map(
      ([item, purposes]) =>
        `- ${item}：为了${purposes.join('；')}，开发者将在获取你的明示同意后，${PERMISSIONS.has(item) ? '使用' : '收集'}你的${item}。`,
    ),
    '',
    '【补充说明】（控制台没有的项目，写入补充文档）',
    ...other.map((i) => `- ${i.label}：${i.purpose}。谁能看到：${i.seenBy}。保存期限：${i.kept}。`),
    '',
    `【保存期限】活动周总结上报截止后 ${guide.retentionDays} 天内，到期自动匿名化（每届活动周可另设）。`,
    `【用户权利】${guide.rights}`,
    `【运营者】${guide.operator}。${guide.contact}`,
  ]
  return lines.join('\n')
}

if (require.main === module) console.log(consoleForm(PRIVACY_GUIDE))
