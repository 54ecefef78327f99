// `npm run lint`: ESLint (TypeScript, React hooks, floating promises), stylelint (SCSS) and Prettier's
// check, in that order. Errors fail; warnings are counted and printed. Ends with one summary line.
import { ESLint } from 'eslint'
import * as prettier from 'prettier'
import stylelint from 'stylelint'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './setup.mjs'

process.chdir(ROOT)
let errors = 0
let warnings = 0

const eslint = new ESLint({ cwd: ROOT })
const results = await eslint.lintFiles(['.'])
const text = (await eslint.loadFormatter('stylish')).format(results)
if (text) console.log(text)
for (const r of results) {
  errors += r.errorCount
  warnings += r.warningCount
}

const styles = await stylelint.lint({ files: '**/*.scss', cwd: ROOT, formatter: 'string' })
if (styles.report.trim()) console.log(styles.report)
for (const r of styles.results) {
  for (const w of r.warnings) {
    if (w.severity === 'error') errors++
    else warnings++
  }
}

// Prettier over the files git knows about (what a clean checkout holds), minus .prettierignore.
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
let unformatted = 0
for (const file of files) {
  const info = await prettier.getFileInfo(file, { ignorePath: '.prettierignore' })
  if (info.ignored || !info.inferredParser) continue
  let source
  try {
    source = readFileSync(file, 'utf8')
  } catch {
    continue // deleted in the work tree
  }
  const options = await prettier.resolveConfig(file)
  if (!(await prettier.check(source, { ...options, filepath: path.resolve(file) }))) {
    console.log(`not formatted (npm run format): ${file}`)
    unformatted++
  }
}
errors += unformatted

console.log(`lint: ${errors} errors, ${warnings} warnings`)
process.exit(errors === 0 ? 0 : 1)
