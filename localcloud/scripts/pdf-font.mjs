// Makes the CJK font the stats function embeds in its PDF 总结表: Noto Sans CJK SC (SIL Open Font
// License 1.1) cut to GB2312's characters (6,763 hanzi, the symbols and full-width forms) and ASCII,
// 1.6 MB instead of 16 MB; pdfkit then embeds only the glyphs a PDF uses. Characters outside GB2312
// print as blanks. Needs Debian's fonts-noto-cjk and python3-fonttools:
//   apt-get install -y fonts-noto-cjk python3-fonttools && node localcloud/scripts/pdf-font.mjs
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ROOT } from './setup.mjs'

const SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
/** Index of Noto Sans CJK SC in the collection (fc-scan lists JP, KR, SC, TC, HK). */
const SC_INDEX = 2
const OUT = path.join(ROOT, 'cloudfunctions', 'stats', 'assets', 'NotoSansSC-GB2312.otf')

const gb = new TextDecoder('gb18030')
let chars = ''
for (let c = 0x20; c < 0x7f; c++) chars += String.fromCharCode(c)
for (let hi = 0xa1; hi <= 0xf7; hi++) {
  if (hi >= 0xaa && hi <= 0xaf) continue // unassigned rows
  for (let lo = 0xa1; lo <= 0xfe; lo++) {
    const ch = gb.decode(Uint8Array.from([hi, lo]))
    if (ch !== '\ufffd' && ch.length === 1 && !/[\ue000-\uf8ff]/.test(ch)) chars += ch
  }
}
chars += '·—–‘’“”…‧﹏《》「」『』【】〔〕（）：；，。、？！％＋－＝～／＿＠＃￥＆＊'
const dir = mkdtempSync(path.join(tmpdir(), 'pdf-font-'))
const list = path.join(dir, 'chars.txt')
writeFileSync(list, [...new Set(chars)].join(''))
execFileSync(
  '/usr/bin/python3',
  [
    '-m',
    'fontTools.subset',
    SOURCE,
    `--font-number=${SC_INDEX}`,
    `--text-file=${list}`,
    `--output-file=${OUT}`,
    '--layout-features=',
    '--no-hinting',
    '--desubroutinize',
    '--name-IDs=*',
    '--notdef-outline',
  ],
  { stdio: 'inherit' },
)
console.log(`[pdf-font] wrote ${path.relative(ROOT, OUT)}`)
