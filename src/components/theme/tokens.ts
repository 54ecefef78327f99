// Colour tokens of the app. Every text/background pair we use is listed in TEXT_PAIRS and must reach
// 4.5:1 (WCAG AA, and the 适老化 rule); tokens.test.ts checks it and that _tokens.scss agrees.

export const colors = {
  /** Main text. */
  text: '#1F2329',
  /** Secondary text (labels, hints). */
  textMuted: '#4E5969',
  /** Page background. */
  background: '#F5F7FA',
  /** Cards and panels. */
  surface: '#FFFFFF',
  /** Links, selected chips, primary buttons. */
  primary: '#0B5CAD',
  /** Text on primary. */
  onPrimary: '#FFFFFF',
  /** Tinted background of badges and the selected chip's outline colour. */
  primarySoft: '#E8F1FB',
  /** Theme banner (festive red). */
  banner: '#A4161A',
  onBanner: '#FFFFFF',
  /** Full, cancelled, errors. */
  danger: '#B42318',
  /** Seats available. */
  success: '#1A7F37',
  /** Disabled areas: background and text. */
  disabled: '#E5E6EB',
  onDisabled: '#4E5969',
  /** Borders (not text). */
  border: '#C9CDD4',
} as const

export type ColorName = keyof typeof colors

/** [foreground, background] pairs that carry text somewhere in the app. */
export const TEXT_PAIRS: ReadonlyArray<readonly [ColorName, ColorName]> = [
  ['text', 'surface'],
  ['text', 'background'],
  ['textMuted', 'surface'],
  ['textMuted', 'background'],
  ['primary', 'surface'],
  ['primary', 'background'],
  ['primary', 'primarySoft'],
  ['text', 'primarySoft'],
  ['onPrimary', 'primary'],
  ['onPrimary', 'danger'],
  ['danger', 'primarySoft'],
  ['onBanner', 'banner'],
  ['danger', 'surface'],
  ['success', 'surface'],
  ['onDisabled', 'disabled'],
]

function channel(hex: string, at: number): number {
  const v = parseInt(hex.slice(at, at + 2), 16) / 255
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
}

/** WCAG relative luminance of '#RRGGBB'. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5)
}

/** WCAG contrast ratio of two '#RRGGBB' colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}
