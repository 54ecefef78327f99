// An appointment invite as a WeChat chat card (weapp) or a copied link (h5): both open the join
// page with the code filled in. Pure.
import type { AppointInvite } from '@shared/contracts/staff'
import { roleName } from './staffText'

export function appointPath(code: string): string {
  return `/organiser/join/index?code=${encodeURIComponent(code)}`
}

/** The chat card: 邀请您担任 东湖区 的组织者. */
export function appointShareMessage(invite: Pick<AppointInvite, 'code' | 'role' | 'unitName'>): { title: string; path: string } {
  return { title: `邀请您担任 ${invite.unitName} 的${roleName(invite.role)}`, path: appointPath(invite.code) }
}

/** h5: the page's address (hash router), e.g. https://host/#/organiser/join/index?code=… */
export function appointLink(location: { origin: string; pathname: string }, code: string): string {
  return `${location.origin}${location.pathname}#${appointPath(code)}`
}
