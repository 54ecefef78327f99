// 我的信息 as a Word document the person can keep: the title, when it was made (Beijing time), then
// one section per kind of record, each entry a short line of labelled facts. Phone numbers are
// masked (139****0001), also where one was typed into a note or comment: the file may be forwarded,
// so it never holds a full number.
import type { MyData } from '@shared/contracts/privacy'
import { RATING_LEVELS } from '@shared/domain/feedback'
import { maskPhone } from '@shared/domain/mask'
import { AGE_GROUPS, RELATIONS } from '@shared/domain/people'
import { NOMINATION_KIND_LABELS, NOMINATION_STATUS_LABELS, type NominationKind, type NominationStatus } from '@shared/domain/stars'
import { AUDIENCES, labelOf } from '@shared/domain/vocabulary'
import { shanghaiClock, shanghaiDate } from '@shared/domain/time'
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' }
const STATUS: Record<string, string> = { confirmed: '已报名', waitlisted: '候补中', cancelled: '已取消' }
/** A mainland mobile number anywhere in free text. */
const MOBILE_IN_TEXT = /1\d{10}/g

/** Free text with any mobile number in it masked. */
export const maskedText = (text: string) => text.replace(MOBILE_IN_TEXT, (m) => maskPhone(m) ?? '')

const when = (ms: number) => `${shanghaiDate(ms)} ${shanghaiClock(ms)}`
const phone = (p: string | null) => maskPhone(p) ?? '（无）'

function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true })],
  })
}

/** One entry: labelled facts joined on one line (empty facts left out). */
function entry(facts: [string, string | number | null | undefined][]): Paragraph {
  const text = facts
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}：${maskedText(String(v))}`)
    .join('；')
  return new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text })] })
}

const none = () => new Paragraph({ children: [new TextRun({ text: '（无）', color: '666666' })] })
const list = <T>(items: T[], line: (item: T) => Paragraph) => (items.length === 0 ? [none()] : items.map(line))

/** The paragraphs of the document (exported for tests of its text). */
export function myDataParagraphs(data: MyData, now: number): Paragraph[] {
  const p = data.profile
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '我的信息', bold: true, size: 36 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `生成时间：${when(now)}（北京时间）`, size: 20 })] }),
    heading('隐私保护指引'),
    data.consent
      ? entry([
          ['同意的版本', `第 ${data.consent.version} 版`],
          ['同意时间', when(data.consent.at)],
        ])
      : entry([['状态', '未同意']]),
    heading('个人资料'),
    p
      ? entry([
          ['姓名', p.name],
          ['手机号', phone(p.phone)],
          ['年龄段', labelOf(AGE_GROUPS, p.ageGroup)],
          ['街道/社区', p.community],
          ['人群类别', labelOf(AUDIENCES, p.audience)],
        ])
      : none(),
    heading('家庭成员（代报名）'),
    ...list(data.family, (m) =>
      entry([
        ['姓名', m.name],
        ['关系', labelOf(RELATIONS, m.relation)],
        ['手机号', phone(m.phone)],
        ['年龄段', labelOf(AGE_GROUPS, m.ageGroup)],
        ['人群类别', m.audience && labelOf(AUDIENCES, m.audience)],
      ]),
    ),
    heading('工作人员身份'),
    ...list(data.roles, (r) => entry([['身份', r]])),
    heading('活动报名'),
    ...list(data.registrations, (r) =>
      entry([
        ['活动', r.title],
        ['时间', when(r.startAt)],
        ['报名人', r.proxy ? `${r.personName}（代报名）` : r.personName],
        ['状态', STATUS[r.status] ?? r.status],
        ['手机号', r.phone && phone(r.phone)],
        ['年龄段', r.ageGroup && labelOf(AGE_GROUPS, r.ageGroup)],
        ['街道/社区', r.community],
        ['人群类别', r.audience && labelOf(AUDIENCES, r.audience)],
        ['签到', r.checkedInAt === null ? '未签到' : when(r.checkedInAt)],
        ['报名时间', when(r.createdAt)],
      ]),
    ),
    heading('课程学习'),
    ...list(data.enrolments, (e) =>
      entry([
        ['课程', e.title],
        ['学员', e.learnerName],
        ['完成课时', e.lessonsDone],
        ['结业', e.completedAt === null ? '未结业' : when(e.completedAt)],
        ['证书编号', e.certificateNo],
      ]),
    ),
    heading('阅读'),
    ...list(data.reading, (r) =>
      entry([
        ['读者', r.name],
        ['阅读分钟', r.totalMinutes],
        ['打卡次数', r.totalLogs],
        ['阅读榜显示名', r.boardName],
      ]),
    ),
    heading('阅读记录'),
    ...list(data.readingLogs, (l) =>
      entry([
        ['书名', l.bookTitle],
        ['日期', l.day],
        ['分钟', l.minutes],
        ['笔记', l.note],
      ]),
    ),
    heading('活动评价'),
    ...list(data.ratings, (r) =>
      entry([
        ['活动', r.title],
        ['评价', r.choice === 'skipped' ? '未评价' : labelOf(RATING_LEVELS, r.choice)],
        ['留言', r.comment],
        ['时间', when(r.createdAt)],
      ]),
    ),
    heading('学习之星推荐'),
    ...list(data.nominations, (n) =>
      entry([
        ['类别', NOMINATION_KIND_LABELS[n.kind as NominationKind] ?? n.kind],
        [n.kind === 'project' ? '项目' : '被推荐人', n.name],
        ['县区', n.districtName],
        ['状态', NOMINATION_STATUS_LABELS[n.status as NominationStatus] ?? n.status],
        ['推荐方式', n.self ? '本人自荐' : '由您推荐'],
        ['联系人', n.contactName],
        ['联系电话', phone(n.contactPhone)],
        ['推荐时间', when(n.createdAt)],
      ]),
    ),
    heading('点赞和投票'),
    entry([['为学习之星和品牌项目点赞、投票', `${data.starLikes} 次（保存了哪天为哪一位点赞或投票，用于每人每天只计一次）`]]),
    heading('消息'),
    entry([['保存的消息', `${data.notices} 条`]]),
    ...(data.truncated ? [entry([['说明', '部分列表条目过多，只列出最近的记录']])] : []),
  ]
}

export async function myDataDocx(data: MyData, now: number): Promise<Buffer> {
  const doc = new Document({
    creator: '全民终身学习活动周',
    title: '我的信息',
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [{ children: myDataParagraphs(data, now) }],
  })
  return Packer.toBuffer(doc)
}
