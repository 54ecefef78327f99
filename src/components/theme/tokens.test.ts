import { readFileSync } from 'node:fs'
import path from 'node:path'
import { TEXT_PAIRS, colors, contrastRatio } from './tokens'

describe('theme colours', () => {
  test.each(TEXT_PAIRS.map(([fg, bg]) => [fg, bg] as const))('%s on %s reaches 4.5:1', (fg, bg) => {
    expect(contrastRatio(colors[fg], colors[bg])).toBeGreaterThanOrEqual(4.5)
  })

  test('black on white is 21:1', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5)
  })

  test('the scss tokens carry the same colours', () => {
    // Prettier writes hex colours in lower case; a colour is the same in either case.
    const scss = readFileSync(path.join(__dirname, '_tokens.scss'), 'utf8').toLowerCase()
    for (const [name, hex] of Object.entries(colors)) {
      const scssName = '$color-' + name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())
      expect(scss).toContain(`${scssName}: ${hex.toLowerCase()};`)
    }
  })
})
