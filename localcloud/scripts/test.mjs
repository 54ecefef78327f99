// `npm test`: the whole proof, in order, on a fresh machine too:
//   set-up -> type check -> lint -> cloud function bundles -> jest (unit, local cloud, functions, gateway)
//   -> weapp build + package check -> h5 build -> browser tests in Debian's Chromium.
// Every jest test counts as one; every other step counts as one check. Ends with `N passed, N failed`.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { ROOT, ensureBrowser, ensureDeps, ensureOfficeTools, run } from './setup.mjs'

const ARTIFACTS = path.join(ROOT, '.artifacts')
mkdirSync(ARTIFACTS, { recursive: true })

const results = []
/** Names of failed tests, repeated in the summary (CI shows the log's end). */
const failures = []
let passed = 0
let failed = 0

function step(name, fn) {
  const started = Date.now()
  console.log(`\n=== ${name} ===`)
  const r = fn()
  const secs = ((Date.now() - started) / 1000).toFixed(1)
  passed += r.passed
  failed += r.failed
  results.push({ name, ...r, secs })
  console.log(`--- ${name}: ${r.passed} passed, ${r.failed} failed (${secs}s)`)
  return r
}

const check = (cmd) => () => (run(cmd) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 })

function jestStep(args, outName) {
  return () => {
    const out = path.join(ARTIFACTS, outName)
    rmSync(out, { force: true })
    const status = run(`npx jest ${args} --json --outputFile=${out}`)
    if (!existsSync(out)) return { passed: 0, failed: 1 }
    const report = JSON.parse(readFileSync(out, 'utf8'))
    // A suite that failed to run (syntax error, crash in a hook) counts as a failure of its own.
    const brokenSuites = report.testResults.filter(
      (s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'),
    ).length
    for (const suite of report.testResults) {
      const rel = path.relative(ROOT, suite.name)
      const bad = suite.assertionResults.filter((a) => a.status === 'failed')
      for (const a of bad) failures.push(`${rel} > ${a.fullName}: ${firstLine(a.failureMessages[0])}`)
      if (suite.status === 'failed' && bad.length === 0) failures.push(`${rel}: ${firstLine(suite.message)}`)
    }
    const exitedBadly = status !== 0 && report.numFailedTests + brokenSuites === 0
    if (exitedBadly) failures.push(`jest ${args}: every test passed but jest exited with status ${status}`)
    const f = report.numFailedTests + brokenSuites + (exitedBadly ? 1 : 0)
    return { passed: report.numPassedTests, failed: f }
  }
}

/** The first meaningful line of a failure message, without colour codes. */
function firstLine(text) {
  // eslint-disable-next-line no-control-regex -- strips terminal colour codes
  const plain = String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '')
  return (
    plain
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith('●')) ?? ''
  ).slice(0, 300)
}

ensureDeps()
ensureOfficeTools()
step('type check (tsc, strict)', check('npx tsc -p tsconfig.json'))
step('lint (eslint, stylelint, prettier --check)', check('node localcloud/scripts/lint.mjs'))
step('cloud function bundles (esbuild)', check('npx tsx localcloud/scripts/build-functions.ts'))
step('jest: domain, local cloud, functions, gateway', jestStep('', 'jest.json'))
const weapp = step('weapp build', check('npx taro build --type weapp'))
if (weapp.failed === 0) step('weapp package check', check('npx tsx localcloud/scripts/check-weapp.ts'))
const h5 = step('h5 build', check('npx taro build --type h5'))
if (h5.failed === 0) {
  if (ensureBrowser()) step('browser tests (h5 in Chromium)', jestStep('-c localcloud/e2e/jest.config.js --runInBand', 'e2e.json'))
  else step('browser tests (h5 in Chromium)', () => ({ passed: 0, failed: 1 }))
}

console.log('\n=== summary ===')
for (const r of results) console.log(`${r.failed ? 'FAIL' : 'ok  '} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.secs}s)`)
for (const f of failures) console.log(`failed: ${f}`)
console.log(`artefacts (screenshots, reports): ${path.relative(ROOT, ARTIFACTS)}/`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
