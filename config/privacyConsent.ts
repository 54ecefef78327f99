// What the consent sheet needs of the privacy guide (config/privacy.ts): its version, date, the
// retention period and the short summary. Kept apart so the main package carries only this; the
// full guide is read on the privacy page, in the account subpackage.

export interface PrivacyConsentBasics {
  /** Raise on every change that needs people to agree again. */
  version: number
  /** The day this version took effect (YYYY-MM-DD). */
  updatedOn: string
  /** Days after a week's summary deadline when its personal data is anonymised (a week may set its own). */
  retentionDays: number
  /** The short summary on the consent sheet, one line each. */
  summary: string[]
}

export const PRIVACY_CONSENT: PrivacyConsentBasics = {
  version: 2,
  updatedOn: '2026-12-07',
  retentionDays: 180,
  summary: [
    '报名时收集姓名、手机号、年龄段、街道/社区、人群类别，用于报名、签到和活动周总结表统计',
    '为家人代报名时，收集家人的姓名、年龄段和关系（手机号可不填）',
    '志愿者扫码签到会使用摄像头；组织者上传照片、选择活动地点会使用相册和位置',
    '志愿者只能看到打了星号的姓名（如 张*华）和手机号后四位',
    '推荐“百姓学习之星”时收集推荐人的姓名和手机号；事迹和照片经本人同意、审核入选后才公开展示',
    '您可以随时查看、导出、删除自己的信息',
  ],
}

/**
 * WeChat's phone-number button (手机号快速验证, `open-type="getPhoneNumber"`) beside the sign-up
 * form's phone field, weapp only. Only some AppIDs may use it: a verified (已认证) mini-program of an
 * organisation, never a personal (个人主体) one, and WeChat charges the AppID per successful
 * verification beyond its free allowance. A bureau whose AppID does not qualify, or that does not
 * want it, sets this to false: the typed phone field is all there is (it is always the fallback).
 */
export const PHONE_NUMBER_BUTTON = true
