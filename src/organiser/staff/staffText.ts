// The staff pages' words: roles, grants, role changes, invite expiry and the refusals of the setup
// code and appointment codes said with their facts (attempts left, when to try again). Pure.
import type { RoleGrant } from '@shared/contracts/activity'
import type { AppointRole, RoleChange } from '@shared/contracts/staff'

const ROLE_NAMES: Record<RoleGrant['role'], string> = {
  bureau: '教育局管理员',
  admin: '管理员',
  cityAdmin: '市级管理员',
  organiser: '组织者',
  volunteer: '志愿者',
}

export function roleName(role: RoleGrant['role'] | AppointRole): string {
  return ROLE_NAMES[role]
}

/** Shanghai wall time of an instant: 12月6日 10:05. */
export function whenText(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** What a grant makes its holder, in a sentence's words: 东湖区 的组织者. */
export function grantText(grant: RoleGrant, unitName: string): string {
  if (grant.role === 'bureau') return '教育局管理员（所有活动周）'
  if (grant.role === 'admin') return '活动周管理员（全部县区）'
  return `${unitName} 的${roleName(grant.role)}`
}

/** After redeeming: 你已成为 东湖区 的组织者. */
export function redeemedText(grant: RoleGrant, unitName: string, weekName: string): string {
  if (grant.role === 'admin') return `你已成为 ${weekName} 的管理员`
  return `你已成为 ${grantText(grant, unitName)}`
}

/** One line of the record: 涂建华 任命 万丽娟 为 东湖区 的组织者. */
export function changeText(c: RoleChange): string {
  const by = c.byName ?? (c.via === 'setup' ? '首次设置' : '某位工作人员')
  const whom = c.whomName ?? '未填姓名的用户'
  const what = grantText(c.grant, c.unitName)
  if (c.change === 'revoke') return `${by} 撤销了 ${whom} 的身份：${what}`
  if (c.via === 'setup') return `${whom} 用设置码成为 ${what}`
  if (c.via === 'copy') return `${by} 从上一届复制：${whom} 为 ${what}`
  return `${by} 任命 ${whom} 为 ${what}`
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** A refused setup code or appointment code in words, with the facts the server gave. */
export function refusalText(code: string, details: Record<string, unknown> | undefined, fallback: string): string {
  switch (code) {
    case 'SETUP_CODE_WRONG': {
      const left = num(details?.attemptsLeft)
      return left === null
        ? '设置码不正确，请核对后再输入'
        : left > 0
          ? `设置码不正确，还可以再试 ${left} 次`
          : '设置码不正确，尝试次数已用完，请稍后再试'
    }
    case 'SETUP_CLAIMED':
      return '设置码已被使用，管理员已经设置好了。如需成为工作人员，请向管理员要一个任命码'
    case 'SETUP_NOT_ENABLED':
      return '本环境没有启用设置码，请联系部署人员'
    case 'TOO_MANY_ATTEMPTS': {
      const at = num(details?.retryAt)
      return at === null ? '尝试次数过多，请稍后再试' : `尝试次数过多，请在 ${whenText(at)} 后再试`
    }
    case 'INVITE_INVALID':
    case 'INVITE_NOT_FOUND':
      return '任命码不存在，请核对后再输入'
    case 'INVITE_EXPIRED':
      return '任命码已过期，请联系管理员重新获取'
    case 'INVITE_REVOKED':
      return '任命码已被作废，请联系管理员重新获取'
    case 'INVITE_USED':
      return '任命码已被别人使用，请联系管理员重新获取'
    case 'VALIDATION_FAILED':
      return '请输入完整的码（任命码为 10 位字母和数字）'
    default:
      return fallback
  }
}

/** The validities an appointment invite can have, in hours (the contract allows up to a week). */
export const VALIDITIES = [
  { code: '24', label: '1天' },
  { code: '72', label: '3天' },
  { code: '168', label: '7天' },
] as const
