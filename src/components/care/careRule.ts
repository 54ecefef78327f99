// The pure rule behind 长辈版: the person's choice first, then WeChat's font-size setting.

/** What the person chose on the switch; null = never chose. */
export type CareChoice = 'on' | 'off' | null

export interface SystemFontInfo {
  /** WeChat's font size in px (「我-设置-通用-字体大小」); about 16-17 by default. */
  fontSizeSetting?: number
  /** Scale of WeChat's font size over the default; 1 by default. */
  fontSizeScaleFactor?: number
}

export interface CareState {
  care: boolean
  /** Why: the person's choice, WeChat's large font setting, or the default (standard). */
  source: 'choice' | 'system' | 'default'
}

/** Font settings at or above these mean the person reads with enlarged text in WeChat. */
export const LARGE_FONT_SETTING_PX = 20
export const LARGE_FONT_SCALE = 1.15

/** Pure rule: the person's choice wins; otherwise WeChat's large font turns care mode on. */
export function decideCare(choice: CareChoice, system: SystemFontInfo): CareState {
  if (choice === 'on') return { care: true, source: 'choice' }
  if (choice === 'off') return { care: false, source: 'choice' }
  const scale = system.fontSizeScaleFactor
  const setting = system.fontSizeSetting
  if ((typeof scale === 'number' && scale >= LARGE_FONT_SCALE) || (typeof setting === 'number' && setting >= LARGE_FONT_SETTING_PX)) {
    return { care: true, source: 'system' }
  }
  return { care: false, source: 'default' }
}
