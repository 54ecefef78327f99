// The part of the privacy guide (privacy.ts) every page needs: its version, the day it took effect and
// the consent sheet's short summary. Apart so the main package carries only this (each Chinese character
// costs 6 bytes there, escaped); the whole guide is loaded with the privacy page's subpackage.
// Raise `version` whenever an item is added to the guide or its purpose widens: everyone is asked again.

export const PRIVACY_SUMMARY = {
  /** Raise on every change that needs people to agree again. */
  version: 1,
  /** The day this version took effect (YYYY-MM-DD). */
  updatedOn: '2026-12-07',
  /** The short summary on the consent sheet, one line each. */
  summary: [
    '报名时收集姓名、手机号、年龄段、街道/社区、人群类别，用于报名、签到和活动周总结表统计',
    '为家人代报名时，收集家人的姓名、年龄段和关系（手机号可不填）',
    '志愿者扫码签到会使用摄像头；组织者上传照片、选择活动地点会使用相册和位置',
    '志愿者只能看到打了星号的姓名（如 张*华）和手机号后四位',
    '您可以随时查看、导出、删除自己的信息',
  ],
}
