// What an invite looks like as a WeChat chat card (weapp) or a copied link (h5): the card opens
// the volunteer page with the code filled in.

/** The volunteer page that opens with the code filled in. */
export function invitePath(code: string): string {
  return `/volunteer/scan/index?code=${encodeURIComponent(code)}`
}

/** The chat card: 邀请您担任<活动>签到志愿者, naming the first activity and how many more. */
export function inviteShareMessage(code: string, titles: string[]): { title: string; path: string } {
  const first = titles[0] ?? '活动'
  const what = titles.length > 1 ? `${first}等${titles.length}场活动` : first
  return { title: `邀请您担任${what}签到志愿者`, path: invitePath(code) }
}

/** h5: the page's address (hash router) for a path, e.g. https://host/#/volunteer/scan/index?code=… */
export function inviteLink(location: { origin: string; pathname: string }, code: string): string {
  return `${location.origin}${location.pathname}#${invitePath(code)}`
}
