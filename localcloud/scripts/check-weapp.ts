// `npm run check:weapp` (after `npm run build:weapp`): proves, without WeChat and without network,
// that dist/weapp is a mini-program WeChat would accept.
//
//   1. structure   app.json lists the main pages and the subpackages; every listed page has its
//                  .js/.json/.wxml/.wxss; Taro's shared files exist; every `require()` in the JS
//                  and every <import>/<include> in the WXML resolves to a file; every JSON parses.
//   2. sizes       bytes of the main package, each subpackage and the total (uploadable files only);
//                  fails above 500 KB (512,000 bytes) for the main package, 2 MB for a subpackage
//                  or 20 MB in all. WeChat's own limit is 2 MB per package; the main package is held
//                  lower because it is what every visitor downloads before the first page shows.
//   3. dev code    none of the h5-only dev tools (persona switcher, local gateway transport) is there.
//   4. parsing     every .js parses (vm.Script); WeChat's own wcc and wcsc (miniprogram-compiler)
//                  compile every .wxml/.wxs and .wxss.
//   5. DevTools    miniprogram-ci offline: getCompiledResult (the pre-upload compile), analyseCode
//                  (unresolved require/import/usingComponents) and checkCodeQuality (package sizes).
//                  All network access is blocked in this process; the project attributes that would
//                  be fetched with a real key are given locally.
//   6. runtime     the bundle boots in Node with a stub `wx` (App/Page/getCurrentPages, wx.cloud):
//                  app.js calls cloud.init, every page renders its Chinese text and calls the cloud.
//                  It also reports how deep the rendered element trees nest, against Taro's baseLevel
//                  (config/index.ts): deeper elements still render, through Taro's `comp` component.
//
// Prints `weapp.<figure>=N` lines, writes them to .bench/weapp.json, exits non-zero on any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'
import { PRIVACY_VERSION } from '../../src/shared/domain/privacy'

const ROOT = path.resolve(__dirname, '..', '..')
const DIST = path.join(ROOT, 'dist', 'weapp')
const BENCH_DIR = path.join(ROOT, '.bench')
const MB = 1024 * 1024
const PACKAGE_LIMIT = 2 * MB
/** The main package's own limit: 500 KB (WeChat allows 2 MB). */
const MAIN_PACKAGE_LIMIT = 512_000
const TOTAL_LIMIT = 20 * MB
const CI_STEP_TIMEOUT_MS = 60_000

/** What the app must contain (src/app.config.ts). */
const REQUIRED_MAIN_PAGES = [
  'pages/index/index',
  'pages/learn/index',
  'pages/activity/index',
  'pages/signup/index',
  'pages/mine/index',
  'pages/family/index',
]
const REQUIRED_SUBPACKAGES: Record<string, string[]> = {
  ticket: ['index', 'poster/index'],
  account: ['data/index', 'privacy/index'],
  volunteer: ['scan/index', 'checkin/index'],
  organiser: [
    'dashboard/index',
    'activities/index',
    'activity-edit/index',
    'change-notice/index',
    'week/index',
    'summary/index',
    'submission/index',
    'publicity/index',
    'stars/index',
    'star-edit/index',
    'reconcile/index',
    'staff/index',
    'join/index',
  ],
}
/** Files every Taro weapp build needs beside the pages. */
const TARO_SHARED_FILES = ['app.js', 'app.json', 'app.wxss', 'base.wxml', 'runtime.js', 'taro.js', 'vendors.js', 'common.js']
/** Strings only the h5 dev tools contain: none may reach the weapp build. */
const DEV_ONLY_STRINGS = ['dev-persona-switcher', 'dev.openid', 'x-dev-openid', '/api/call', '/api/dev/personas', '开发身份']
/** Extensions WeChat uploads (miniprogram-ci's built-in list); anything else is ignored on upload. */
const UPLOADED_EXTS = new Set([
  '.wxml',
  '.wxss',
  '.wxs',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.svg',
  '.js',
  '.json',
  '.cer',
  '.mp3',
  '.aac',
  '.m4a',
  '.mp4',
  '.wav',
  '.ogg',
  '.silk',
  '.wasm',
  '.br',
  '.cur',
  '.ico',
  '.skel',
  '.crt',
  '.cert',
])
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json'])

const failures: string[] = []
const notes: string[] = []
const fail = (msg: string) => failures.push(msg)
const rel = (p: string) => path.relative(DIST, p).split(path.sep).join('/')

function walk(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) out.push(...walk(full))
    else out.push(full)
  }
  return out
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    fail(`${rel(file)}: not valid JSON (${(err as Error).message})`)
    return undefined
  }
}

interface AppJson {
  pages?: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
}

// ---------------------------------------------------------------- 1. structure
function checkStructure(app: AppJson, files: string[]): string[] {
  const pages = app.pages ?? []
  const subs = app.subPackages ?? app.subpackages ?? []
  for (const p of REQUIRED_MAIN_PAGES) if (!pages.includes(p)) fail(`app.json: main package lacks page ${p}`)
  if (pages[0] !== REQUIRED_MAIN_PAGES[0]) fail(`app.json: the first page (home) should be ${REQUIRED_MAIN_PAGES[0]}, is ${pages[0]}`)
  for (const [root, required] of Object.entries(REQUIRED_SUBPACKAGES)) {
    const sub = subs.find((s) => s.root.replace(/\/$/, '') === root)
    if (!sub) {
      fail(`app.json: subpackage ${root} is not listed`)
      continue
    }
    for (const p of required) if (!sub.pages.includes(p)) fail(`app.json: subpackage ${root} lacks page ${p}`)
  }
  for (const f of TARO_SHARED_FILES) if (!existsSync(path.join(DIST, f))) fail(`missing ${f}`)

  const allPages = [...pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
  for (const page of allPages) {
    for (const ext of ['.js', '.json', '.wxml', '.wxss']) {
      if (!existsSync(path.join(DIST, page + ext))) fail(`page ${page}: missing ${page}${ext}`)
    }
  }

  // Every JSON parses; every usingComponents target exists.
  for (const file of files.filter((f) => f.endsWith('.json'))) {
    const json = readJson(file) as { usingComponents?: Record<string, string> } | undefined
    for (const [name, target] of Object.entries(json?.usingComponents ?? {})) {
      if (target.startsWith('plugin://')) continue
      const base = target.startsWith('/') ? path.join(DIST, target) : path.resolve(path.dirname(file), target)
      if (!existsSync(base + '.js') || !existsSync(base + '.json')) fail(`${rel(file)}: component ${name} -> ${target} not found`)
    }
  }

  // Every relative require() in the JS and <import>/<include> in the WXML resolves.
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(file, 'utf8')
    for (const m of code.matchAll(/\brequire\(\s*["'](\.{1,2}\/[^"']+|\/[^"']+)["']\s*\)/g)) {
      const spec = m[1]
      const base = spec.startsWith('/') ? path.join(DIST, spec) : path.resolve(path.dirname(file), spec)
      if (![base, base + '.js', path.join(base, 'index.js')].some((c) => existsSync(c) && statSync(c).isFile())) {
        fail(`${rel(file)}: require("${spec}") does not resolve`)
      }
    }
  }
  for (const file of files.filter((f) => f.endsWith('.wxml'))) {
    const xml = readFileSync(file, 'utf8')
    for (const m of xml.matchAll(/<(?:import|include|wxs)\s[^>]*src=["']([^"']+)["']/g)) {
      const spec = m[1]
      const target = spec.startsWith('/') ? path.join(DIST, spec) : path.resolve(path.dirname(file), spec)
      if (!existsSync(target)) fail(`${rel(file)}: src="${spec}" does not resolve`)
    }
  }
  return allPages
}

// ---------------------------------------------------------------- 2. sizes
function measure(app: AppJson, files: string[]): Record<string, number> {
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const bytes: Record<string, number> = { main: 0 }
  for (const r of roots) bytes[r] = 0
  for (const file of files) {
    const name = rel(file)
    if (NOT_UPLOADED.has(name) || !UPLOADED_EXTS.has(path.extname(name))) continue
    const owner = roots.find((r) => name.startsWith(r + '/')) ?? 'main'
    bytes[owner] += statSync(file).size
  }
  const total = Object.values(bytes).reduce((a, b) => a + b, 0)
  if (bytes.main > MAIN_PACKAGE_LIMIT) fail(`main package is ${bytes.main} bytes, over its ${MAIN_PACKAGE_LIMIT} byte limit`)
  for (const r of roots) if (bytes[r] > PACKAGE_LIMIT) fail(`subpackage ${r} is ${bytes[r]} bytes, over the 2 MB limit`)
  if (total > TOTAL_LIMIT) fail(`all packages together are ${total} bytes, over the 20 MB limit`)
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  notes.push(
    `sizes: main package ${bytes.main} bytes (${kb(bytes.main)}, limit ${MAIN_PACKAGE_LIMIT}), ` +
      roots.map((r) => `${r} ${bytes[r]} (${kb(bytes[r])})`).join(', ') +
      ` (subpackage limit ${PACKAGE_LIMIT}), total ${total} (${kb(total)})`,
  )
  const figures: Record<string, number> = { 'weapp.mainPackageBytes': bytes.main }
  for (const r of roots) figures[`weapp.${r}PackageBytes`] = bytes[r]
  figures['weapp.totalBytes'] = total
  return figures
}

// ---------------------------------------------------------------- 3. dev code
function checkNoDevCode(files: string[]) {
  for (const file of files) {
    if (!/\.(js|json|wxml|wxss|wxs)$/.test(file)) continue
    const text = readFileSync(file, 'utf8')
    for (const s of DEV_ONLY_STRINGS) if (text.includes(s)) fail(`${rel(file)}: contains dev-only "${s}" (h5 dev tools leaked into weapp)`)
  }
}

// ---------------------------------------------------------------- 4. parsing
function checkParsing(files: string[]) {
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    try {
      new vm.Script(readFileSync(file, 'utf8'), { filename: rel(file) })
    } catch (err) {
      fail(`${rel(file)}: JavaScript does not parse: ${(err as Error).message}`)
    }
  }
  const strip = (f: string, ext: string) => rel(f).slice(0, -ext.length)
  const wxml = files.filter((f) => f.endsWith('.wxml')).map((f) => strip(f, '.wxml'))
  const wxs = files.filter((f) => f.endsWith('.wxs')).map(rel)
  const wxss = files.filter((f) => f.endsWith('.wxss')).map((f) => strip(f, '.wxss'))
  // miniprogram-compiler ships WeChat's Linux/macOS/Windows wcc and wcsc.
  const wcc = require('miniprogram-compiler/src/wcc') as (root: string, files: string[], wxs: string[], o?: object) => string
  const wcsc = require('miniprogram-compiler/src/wcsc') as (root: string, files: string[], o?: object) => unknown
  try {
    wcc(DIST, wxml, wxs, { maxBuffer: 64 * MB })
    notes.push(`wcc compiled ${wxml.length} .wxml and ${wxs.length} .wxs`)
  } catch (err) {
    fail(`wcc: ${(err as Error).message.trim()}`)
  }
  const css = wcsc(DIST, wxss, { maxBuffer: 64 * MB })
  if (css instanceof Error) fail(`wcsc: ${css.message.trim()}`)
  else notes.push(`wcsc compiled ${wxss.length} .wxss`)
}

// ---------------------------------------------------------------- 5. miniprogram-ci, offline
/**
 * Refuses every outgoing connection, in this process and in the processes miniprogram-ci forks (its
 * compiler runs in a child): a preload file, required here and passed on through NODE_OPTIONS, patches
 * http, https and net; local pipes (child IPC) still work. Refused attempts are logged to a file.
 */
const NETWORK_GUARD = `
const fs = require('fs'), net = require('net'), http = require('http'), https = require('https')
const log = process.env.CHECK_WEAPP_NET_LOG
function refuse(what) {
  if (log) { try { fs.appendFileSync(log, process.pid + ' ' + what + '\\n') } catch (e) {} }
  throw new Error('check-weapp: network access refused (' + what + ')')
}
http.request = () => refuse('http.request'); http.get = () => refuse('http.get')
https.request = () => refuse('https.request'); https.get = () => refuse('https.get')
const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  // Node passes either (options | port | path, ...) or, internally, one array of normalised arguments.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  const pipe = (first && typeof first === 'object' && typeof first.path === 'string') || (typeof first === 'string' && isNaN(Number(first)))
  if (!pipe) refuse('socket ' + JSON.stringify(first && typeof first === 'object' ? { host: first.host, port: first.port } : first))
  return connect.apply(this, args)
}
`

function blockNetwork(): () => string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'check-weapp-'))
  const guard = path.join(dir, 'offline.cjs')
  const log = path.join(dir, 'refused.log')
  writeFileSync(guard, NETWORK_GUARD)
  writeFileSync(log, '')
  process.env.CHECK_WEAPP_NET_LOG = log
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(guard)}`.trim()
  require(guard)
  // The guard stays in NODE_OPTIONS for every later child (the runtime smoke test too).
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  return () => readFileSync(log, 'utf8').split('\n').filter(Boolean)
}

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} took longer than ${CI_STEP_TIMEOUT_MS / 1000}s`)), CI_STEP_TIMEOUT_MS)
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    )
  })
}

/** Runs fn with console output captured (miniprogram-ci is chatty); returns the lines. */
async function quietly<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; lines: string[] }> {
  const lines: string[] = []
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error }
  const capture = (...a: unknown[]) =>
    void lines.push(a.map((x) => (typeof x === 'string' ? x : x instanceof Error ? x.message : JSON.stringify(x))).join(' '))
  Object.assign(console, { log: capture, info: capture, warn: capture, error: capture })
  try {
    return { value: await fn(), lines }
  } catch (error) {
    return { error, lines }
  } finally {
    Object.assign(console, saved)
  }
}

async function checkWithMiniprogramCi(figures: Record<string, number>) {
  const refused = blockNetwork()
  const attempts: string[] = []
  // Its one optional download (the list of uploadable extensions) has a built-in fallback: answer it
  // offline before it tries.
  const request = require('miniprogram-ci/dist/utils/request') as Record<string, unknown>
  request.request = async (opts: { url?: string }) => {
    attempts.push(`request ${opts?.url ?? ''} (answered offline)`)
    throw new Error('offline')
  }
  const loaded = await quietly(async () => require('miniprogram-ci') as typeof import('miniprogram-ci'))
  if (!loaded.value) throw loaded.error
  const ci = loaded.value
  const attrs = {
    platform: false,
    appType: 0,
    isSandbox: false,
    released: false,
    setting: {
      MaxCodeSize: 2,
      MaxSubpackageSubCodeSize: 2,
      MaxSubpackageFullCodeSize: 20,
      NavigateMiniprogramLimit: 10,
      MaxSubPackageLimit: 100,
      MinTabbarCount: 2,
      MaxTabbarCount: 5,
      MaxCustomTabbarCount: 10,
      MaxTabbarIconSize: 40,
    },
  }
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath: DIST,
    privateKey: 'dummy-offline-check',
    ignores: ['node_modules/**/*', '**/*.LICENSE.txt'],
    // Read by CIProject.attr(): with it the project never asks WeChat for the AppID's attributes.
    attr: async () => attrs,
  } as ConstructorParameters<typeof ci.Project>[0])

  const compiled = await quietly(() =>
    withTimeout(ci.getCompiledResult({ project, setting: { es6: false, minify: false } } as never), 'getCompiledResult'),
  )
  if (compiled.error) {
    fail(`miniprogram-ci getCompiledResult: ${(compiled.error as Error).message ?? compiled.error}`)
  } else {
    const out = compiled.value as Record<string, string | Buffer>
    const names = Object.keys(out)
    for (const page of ['app.json', ...REQUIRED_MAIN_PAGES.map((p) => `${p}.wxml`)]) {
      if (!names.includes(page)) fail(`miniprogram-ci getCompiledResult: ${page} missing from the compiled result`)
    }
    notes.push(`miniprogram-ci getCompiledResult: ${names.length} files compiled for upload`)
  }
  const compileProblems = compiled.lines.filter((l) => /error|fail/i.test(l) && !/white ext list|getwhiteextlist/i.test(l))
  for (const l of compileProblems) fail(`miniprogram-ci getCompiledResult reported: ${l.slice(0, 300)}`)

  const analysed = await quietly(() => withTimeout(ci.analyseCode(project, { silent: false }), 'analyseCode'))
  if (analysed.error) fail(`miniprogram-ci analyseCode: ${(analysed.error as Error).message ?? analysed.error}`)
  const unresolved = analysed.lines.filter((l) => /resolve dep failed|build failed/i.test(l))
  for (const l of unresolved) fail(`miniprogram-ci analyseCode: ${l.slice(0, 300)}`)
  if (!analysed.error) {
    const files = (analysed.value as { files?: unknown[] } | undefined)?.files?.length ?? 0
    notes.push(`miniprogram-ci analyseCode: ${files} files analysed, ${unresolved.length} unresolved dependencies`)
  }

  const quality = await quietly(() => withTimeout(ci.checkCodeQuality(project), 'checkCodeQuality'))
  if (quality.error) {
    fail(`miniprogram-ci checkCodeQuality: ${(quality.error as Error).message ?? quality.error}`)
  } else {
    const items = (quality.value ?? []) as { name: string; success: boolean; text: string; detail?: unknown }[]
    const size = items.find((i) => i.name === 'PACKAGE_SIZE_LIMIT')
    if (!size) fail('miniprogram-ci checkCodeQuality: no PACKAGE_SIZE_LIMIT result')
    else {
      const detail = (size.detail ?? {}) as Record<string, number>
      if (typeof detail.__APP__ === 'number') figures['weapp.ci.mainPackageBytes'] = detail.__APP__
      for (const [k, v] of Object.entries(detail))
        if (k !== '__APP__' && typeof v === 'number') figures[`weapp.ci.${k.replace(/\/$/, '')}PackageBytes`] = v
      if (!size.success) fail(`miniprogram-ci checkCodeQuality: ${size.text} ${JSON.stringify(detail)}`)
    }
    const advice = items.filter((i) => !i.success && i.name !== 'PACKAGE_SIZE_LIMIT').map((i) => i.name)
    notes.push(
      `miniprogram-ci checkCodeQuality: package size ok${advice.length ? `; advice not followed (not failures): ${advice.join(', ')}` : ''}`,
    )
  }
  const blocked = refused()
  for (const b of blocked) fail(`miniprogram-ci tried to reach the network: ${b}`)
  notes.push(
    `network: blocked in this process and its children; ${blocked.length} connection attempt(s)` +
      (attempts.length ? `; ${[...new Set(attempts)].join('; ')}` : ''),
  )
}

// ---------------------------------------------------------------- 6. runtime smoke test
/**
 * Runs the built bundle the way the WeChat client would, minus rendering: a child Node process defines
 * wx (with a stub cloud that answers like the contract), App, Page, Component, getApp and
 * getCurrentPages, runs app.js, then loads each page, calls onLoad/onShow/onReady and collects what the
 * page hands to setData. It proves the bundle boots, calls the cloud the right way and renders text.
 */
const RUNTIME_SMOKE = `
const path = require('path')
const DIST = process.env.CHECK_WEAPP_DIST
const calls = []
const storage = {}
const at = (d, h, m) => Date.UTC(2026, 11, d, h - 8, m)
const week = { id: 'nc2026', name: '2026年南昌市全民终身学习活动周', level: 'city', region: '南昌市', theme: '奋进“十五五”，终身学习向未来', startDate: '2026-11-30', endDate: '2026-12-06', districts: [{ code: 'donghu', name: '东湖区' }], summaryDeadline: '2026-12-10', organiser: '南昌市教育局' }
const summary = { id: 'nc2026-donghu-02', weekId: 'nc2026', title: '智慧助老·手机打车查公交', type: 'smart_senior', topics: ['leisure'], audiences: ['seniors'], districtCode: 'donghu', districtName: '东湖区', mode: 'offline', venueName: '百花洲街道社区学校', startAt: at(1, 9, 0), endAt: at(1, 10, 30), signupRequired: true, capacity: 20, seatsLeft: 5, status: 'published' }
const detail = Object.assign({}, summary, { description: '小班教学，一对一指导。', organizer: '东湖区社区教育学院', coOrganizers: [], address: '南昌市东湖区松柏巷18号', onlineUrl: null, signupOpensAt: at(1, 8, 0) - 11 * 864e5, signupClosesAt: at(1, 8, 0), cancelDeadline: at(1, 8, 0) - 864e5, signupFields: ['name', 'phone'], cancelReason: null })
const counters = { confirmed: 15, waitlisted: 0, cancelled: 1, proxy: 2 }
const profile = { name: '刘思雨', phone: '13800001021', ageGroup: '18-39', community: '东湖区百花洲街道松柏巷社区', audience: 'residents' }
const member = { id: 'mab12cd', name: '王秀兰', phone: null, ageGroup: '70+', relation: 'parent', audience: null }
const registration = { id: summary.id + '_o1~mab12cd', activityId: summary.id, personId: 'mab12cd', personName: '王秀兰', relation: 'parent', proxy: true, status: 'waitlisted', position: 2, activity: { title: summary.title, status: 'published', startAt: summary.startAt, endAt: summary.endAt, districtName: '东湖区', mode: 'offline', venueName: summary.venueName, address: detail.address, cancelDeadline: detail.cancelDeadline }, canCancel: true, checkedInAt: null, createdAt: at(1, 8, 0) - 5 * 864e5 }
const notice = { id: 'n1', template: 'waitlist_promoted', personName: '王秀兰', activityId: summary.id, registrationId: registration.id, title: summary.title, startAt: summary.startAt, reason: null, createdAt: at(1, 8, 0) - 864e5, readAt: null }
const managedWeek = Object.assign({}, week, { contacts: [{ name: '邓雅琴', unit: '南昌市社区教育指导中心', phone: '0791-88880126' }], status: 'published', retentionDays: 180, retentionDate: '2027-06-08', anonymisedAt: null })
const volActivity = { id: summary.id, weekId: 'nc2026', title: summary.title, districtName: '东湖区', venueName: summary.venueName, startAt: summary.startAt, endAt: summary.endAt, status: 'published', checkinOpensAt: summary.startAt - 36e5, checkinClosesAt: summary.endAt, counts: { registered: 15, checkedIn: 3, walkIns: 1, walkInHeadcount: 2, participants: 5, capacity: 20 } }
const roles = [{ role: 'organiser', weekId: 'nc2026', districtCode: 'donghu' }, { role: 'admin', weekId: 'nc2026' }]
const step = { text: '点开微信，点右下角“我”，再点“服务”。', image: 'cloud://localcloud/lessons/c1/l1-1.svg', imageAlt: '微信“我”页面', videoUrl: null, tip: '验证码不要告诉任何人' }
const courseCard = { id: 'nc2026-c-travel', weekId: 'nc2026', districtCode: 'donghu', districtName: '东湖区', kind: 'smart_senior', topic: 'smart_travel', title: '用手机查公交、打车', intro: '三节小课，学会用手机出行。', cover: null, lessonCount: 2, totalMinutes: 20, enrolled: 12, status: 'published', mine: { done: 1, total: 2, completed: false } }
const lessonsOutline = [{ id: 'l1', title: '查公交', minutes: 10, stepCount: 2 }, { id: 'l2', title: '叫出租车', minutes: 10, stepCount: 2 }]
const enrolment = { courseId: courseCard.id, memberId: null, learnerName: '刘思雨', completedLessonIds: ['l1'], done: 1, total: 2, resume: { lessonId: 'l2', step: 1 }, enrolledAt: at(1, 8, 0) - 864e5, completedAt: null }
const certificate = { courseId: courseCard.id, certificateNo: 'NC2026-20261201-A1B2C3', learnerName: '刘思雨', courseTitle: courseCard.title, kind: 'smart_senior', lessonCount: 2, totalMinutes: 20, completedAt: at(1, 10, 0), issuer: '南昌市教育局', districtName: '东湖区', weekName: week.name }
const learning = { enrolled: 12, lessonsCompleted: 20, completed: 5 }
const book = { id: 'bpingfan', title: '平凡的世界', author: '路遥', blurb: '孙少安、孙少平兄弟的奋斗故事。', cover: null, activityIds: [summary.id], readers: 8 }
const bookList = { id: 'nc2026-donghu-books', weekId: 'nc2026', districtCode: 'donghu', districtName: '东湖区', title: '东湖区好书推荐', intro: '六本好书，陪您读一周。', status: 'published', books: [book] }
const reader = { streak: 2, totalMinutes: 50, totalLogs: 2, days: ['2026-11-30', '2026-12-01'], board: null }
const readingLog = { id: 'bpingfan_o1_20261201', bookId: 'bpingfan', bookTitle: '平凡的世界', day: '2026-12-01', minutes: 30, note: '读到少平去煤矿', createdAt: at(1, 20, 0) }
const feedback = { satisfied: 3, basic: 1, unsatisfied: 0, skipped: 1, comments: 1, rate: 1 }
const unitFigures = { activities: 1, capacity: 20, registered: 15, waitlisted: 0, checkedIn: 3, walkInHeadcount: 2, participants: 5 }
const liveActivity = Object.assign({}, unitFigures, { id: summary.id, title: summary.title, type: 'smart_senior', districtCode: 'donghu', districtName: '东湖区', venueName: summary.venueName, startAt: summary.startAt, endAt: summary.endAt, status: 'published', full: false, needsHelp: true, feedback, featured: true })
delete liveActivity.activities
const dashboard = { weekId: 'nc2026', weekName: week.name, districtCode: 'donghu', scopeName: '东湖区', districts: week.districts, canRollUp: true, day: '2026-12-01', generatedAt: at(1, 9, 30) + 15000, today: [liveActivity], curve: [{ hour: 8, participants: 1 }, { hour: 9, participants: 4 }], totals: Object.assign({ people: 5 }, unitFigures), byType: [Object.assign({ code: 'smart_senior', label: '智慧助老' }, unitFigures)], byAudience: [{ code: 'seniors', label: '老年人群', participants: 5 }], byDistrict: [Object.assign({ code: 'donghu', name: '东湖区', people: 5, feedback, honours: { nominated: 2, recommended: 1, selected: 1, published: 1 } }, unitFigures)], feedback, honours: { nominated: 2, recommended: 1, selected: 1, published: 1 }, repair: { lastRunAt: at(1, 9, 30), lastChange: null } }
const summaryRows = [
  { key: 'district', group: '举办县区', label: '举办县区', source: 'data', computed: '东湖区', basis: '活动周设置中的县区', typed: null, composed: null, value: '东湖区' },
  { key: 'participants', group: '活动参与情况', label: '参加活动人数', source: 'data', computed: '5 人（签到 3 人、现场登记 2 人）', basis: '签到的不同人数 + 现场登记人数', typed: null, composed: null, value: '5 人（签到 3 人、现场登记 2 人）' },
  { key: 'selfAssessment', group: '活动的群众性', label: '自我评价', source: 'typed', computed: null, basis: null, typed: '群众参与热情高', composed: null, value: '群众参与热情高' },
]
const summaryFigures = { activities: 1, activitiesByType: { smart_senior: 1 }, cancelled: 0, registered: 15, checkIns: 3, distinctPeople: 3, walkInHeadcount: 2, participants: 5, streets: ['百花洲街道'], communities: ['松柏巷社区'], units: ['东湖区社区教育学院'], feedback, textReports: 1, photos: 1, videos: 0, outlets: ['东湖区融媒体中心'], courses: { courses: 1, enrolled: 12, lessonsCompleted: 20, completed: 5 }, reading: { books: 1, logs: 2, minutes: 50, bookReaders: 1 } }
const summaryActivity = { id: summary.id, title: summary.title, type: 'smart_senior', districtCode: 'donghu', districtName: '东湖区', startAt: summary.startAt, endAt: summary.endAt, venueName: summary.venueName, organizer: '东湖区社区教育学院', capacity: 20, registered: 15, checkedIn: 3, walkInHeadcount: 2, participants: 5, feedback, featured: true, publicity: 2 }
const summaryView = { weekId: 'nc2026', weekName: week.name, districtCode: 'donghu', scopeName: '东湖区', deadline: '2026-12-10', daysLeft: 9, generatedAt: at(1, 9, 30), rows: summaryRows, figures: summaryFigures, featuredIds: [summary.id], typicalCase: null, activities: [summaryActivity], districts: [], draftSavedAt: at(1, 9, 41), revision: 2, unit: { level: 'district', code: 'donghu', name: '东湖区' }, submission: { status: 'returned', version: 1, submittedAt: at(1, 10, 0), late: false, returnReason: '活动成效请补充数据', reviewedAt: at(1, 11, 0), history: [{ action: 'submit', at: at(1, 10, 0), by: '东湖区组织者', reason: null, late: false }, { action: 'return', at: at(1, 11, 0), by: '南昌市管理员', reason: '活动成效请补充数据', late: false }], parent: { level: 'top', code: null, name: '南昌市' }, canSubmit: true, canReview: false }, units: [], unitCases: [], opening: [], frozen: false }
const submittedView = Object.assign({}, summaryView, { frozen: true, submission: Object.assign({}, summaryView.submission, { status: 'submitted', version: 1, returnReason: null, reviewedAt: null, submittedAt: at(1, 16, 5), history: [{ action: 'submit', at: at(1, 16, 5), by: '东湖区 组织者', reason: null, late: false }], canSubmit: false, canReview: true }), opening: [{ unitName: '东湖区', kind: 'video', title: '东湖区活动周开幕式', outlet: '视频号“东湖教育”', url: 'https://example.cn/v/1', fileIds: [], publishedOn: '2026-11-30' }] })
const publicityItems = [
  { id: 'pub1', weekId: 'nc2026', districtCode: 'donghu', activityId: summary.id, activityTitle: summary.title, opening: false, kind: 'text', title: '东湖区智慧助老课堂开课', outlet: '东湖区融媒体中心', url: 'https://example.cn/news/1', fileIds: [], publishedOn: '2026-12-01', createdAt: at(1, 12, 0) },
  { id: 'pub2', weekId: 'nc2026', districtCode: 'donghu', activityId: null, activityTitle: null, opening: true, kind: 'photo', title: '开幕式现场', outlet: '微信公众号', url: null, fileIds: ['cloud://localcloud/publicity/nc2026/donghu/1.jpg'], publishedOn: null, createdAt: at(1, 12, 5) },
]
const nomination = { id: 'nom1', weekId: 'nc2026', kind: 'star', districtCode: 'donghu', districtName: '东湖区', name: '王秀兰', unitName: '东湖区百花洲街道', story: '退休后坚持在社区学校学习书法和智能手机，组织长辈学习小组三十余场。', photos: ['cloud://localcloud/stars/nc2026/donghu/1.jpg'], videoUrl: null, nominator: { kind: 'organiser', name: '万丽娟', phone: '0791-86000000' }, nomineeConsentAt: at(1, 9, 0), status: 'recommended', hidden: false, reason: null, honours: [], recorded: false, likes: 12, votes: 3, history: [{ action: 'nominate', at: at(1, 9, 0), by: '东湖区组织者', reason: null }], can: { edit: false, review: true, select: true, publish: false, hide: false }, createdAt: at(1, 8, 0), updatedAt: at(1, 9, 0) }
const starPlaces = { weekId: 'nc2026', cityCode: null, level: 'city', star: { places: 3, used: 0 }, project: { places: 2, used: 0 } }
const pendingRating = { registrationId: summary.id + '_o1~mab12cd', activityId: summary.id, title: summary.title, startAt: summary.startAt, personName: '王秀兰', proxy: true, checkedInAt: summary.startAt - 6e5 }
const myData = { consent: { version: 1, at: at(1, 8, 0) - 6 * 864e5 }, profile, family: [member], roles: [], registrations: [{ id: registration.id, activityId: summary.id, title: summary.title, startAt: summary.startAt, status: 'waitlisted', personName: '王秀兰', proxy: true, relation: 'parent', phone: null, ageGroup: '70+', community: '东湖区百花洲街道松柏巷社区', audience: 'seniors', checkedInAt: null, createdAt: registration.createdAt }], enrolments: [{ courseId: courseCard.id, title: courseCard.title, learnerName: '刘思雨', lessonsDone: 1, completedAt: null, certificateNo: null }], reading: [{ weekId: 'nc2026', name: '刘思雨', totalMinutes: 50, totalLogs: 2, boardName: '刘*雨' }], readingLogs: [{ bookTitle: '平凡的世界', day: '2026-12-01', minutes: 30, note: '读到少平去煤矿' }], ratings: [], nominations: [{ id: 'nmmydata0001', kind: 'star', name: '刘思雨', districtName: '东湖区', status: 'nominated', self: true, contactName: '刘思雨', contactPhone: '13800001021', createdAt: at(1, 9, 0) }], starLikes: 2, notices: 1, upcoming: 1, truncated: false }
function answer(name, data) {
  const a = data.action
  const ok = (d) => ({ ok: true, data: d })
  if (name === 'activity') {
    if (a === 'weeks') return ok({ weeks: [week] })
    if (a === 'list') return ok({ items: [summary], nextCursor: null })
    if (a === 'get') return data.input && data.input.id === summary.id ? ok({ activity: detail }) : { ok: false, code: 'ACTIVITY_NOT_FOUND', message: '' }
    if (a === 'roles') return ok({ roles })
    if (a === 'wxacode') return data.input && data.input.id === summary.id ? ok({ fileId: 'cloud://localcloud/wxacode/0123456789abcdef.png', scene: 'a_0123456789abcdef' }) : { ok: false, code: 'ACTIVITY_NOT_FOUND', message: '' }
    if (a === 'mine') return ok({ items: [Object.assign({}, summary, { counters, attendance: { checkedIn: 3, proxyCheckedIn: 1, walkIns: 1, walkInHeadcount: 2, byAudience: { seniors: 5 } } })], nextCursor: null })
    if (a === 'week.get') return ok({ week: managedWeek })
  }
  if (name === 'signup') {
    if (a === 'profile.get') return ok({ profile })
    if (a === 'family.list') return ok({ members: [member] })
    if (a === 'preview') return ok({ refusal: null, full: false, seatsLeft: 5, profileRequired: false, signupFields: ['name', 'phone'], registration: null, overlaps: [] })
    if (a === 'mine') return ok({ items: [registration], nextCursor: null })
    if (a === 'notices') return ok({ items: [notice], nextCursor: null, unread: 1 })
    if (a === 'notices.read') return ok({ updated: 1 })
    if (a === 'rating.pending') return ok({ items: [pendingRating] })
    if (a === 'ticket') return ok({ token: 'LLW1.' + summary.id + '.tk12ab34.' + 'A'.repeat(86), registrationId: registration.id, activityId: summary.id, activity: { title: summary.title, startAt: summary.startAt, endAt: summary.endAt, venueName: summary.venueName }, holderName: '王秀兰', proxy: true, checkedInAt: null })
  }
  if (name === 'privacy') {
    // The stub resident agreed to the current guide: the consent sheet stays closed.
    const consent = { version: ${PRIVACY_VERSION}, at: at(1, 8, 0) - 864e5 }
    if (a === 'consent.get') return ok({ version: ${PRIVACY_VERSION}, consent, current: true })
    if (a === 'consent.record') return ok({ consent: { version: data.input.version, at: at(1, 9, 30) } })
  }
  if (name === 'checkin') {
    if (a === 'myActivities') return ok({ items: [volActivity] })
    if (a === 'totals') {
      const t = { activities: 1, registered: 15, checkedIn: 3, proxyCheckedIn: 1, walkIns: 1, walkInHeadcount: 2, participants: 5, byAudience: { seniors: 5 } }
      return ok({ weekId: 'nc2026', total: t, byDistrict: { donghu: t }, byType: { smart_senior: t } })
    }
  }
  if (name === 'stats') {
    if (a === 'dashboard') return ok(dashboard)
    if (a === 'summary') return ok(summaryView)
    if (a === 'summary.submission') return ok(submittedView)
    if (a === 'publicity.list') return ok({ items: publicityItems })
  }
  if (name === 'privacy') {
    if (a === 'consent.get') return ok({ version: 1, consent: { version: 1, at: at(1, 8, 0) - 864e5 }, current: true })
    if (a === 'consent.record') return ok({ consent: { version: 1, at: at(1, 8, 0) } })
  }
  if (name === 'staff') {
    const grant = { role: 'organiser', weekId: 'nc2026', districtCode: 'donghu' }
    if (a === 'units.list') return ok({ weekId: 'nc2026', weekName: week.name, level: 'city', units: [{ code: 'donghu', name: '东湖区', level: 'district', cityCode: null }] })
    if (a === 'roles.list') return ok({ holders: [{ userId: 'u1', name: '万丽娟', self: false, grant, unitName: '东湖区' }], invites: [{ code: 'ABCDEFGH23', weekId: 'nc2026', role: 'organiser', unitCode: 'donghu', unitName: '东湖区', expiresAt: at(3, 9, 0), createdAt: at(1, 9, 0) }], changes: [{ at: at(1, 9, 0), byName: '涂建华', whomName: '万丽娟', change: 'grant', via: 'invite', grant, unitName: '东湖区' }] })
  }
  if (name === 'stars') {
    if (a === 'list') return ok({ items: [nomination], cursor: null, places: starPlaces })
    if (a === 'settings.get') return ok({ weekId: 'nc2026', selfNomination: false, vote: null })
  }
  if (name === 'privacy') {
    if (a === 'mine') return ok(myData)
    if (a === 'export') return ok({ fileName: '我的信息.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: 4, base64: 'UEsDBA==' })
    if (a === 'erase') return ok({ cancelled: 1, anonymised: 3, done: true })
    if (a === 'phone.fill') return ok({ phone: '13800001021' })
  }
  if (name === 'course') {
    if (a === 'list') return ok({ weekId: 'nc2026', courses: [courseCard] })
    if (a === 'get') return ok({ course: Object.assign({}, courseCard, { lessons: lessonsOutline, activities: [summary] }), enrolment })
    if (a === 'lesson') return ok({ courseId: courseCard.id, courseTitle: courseCard.title, lesson: { id: 'l2', title: '叫出租车', minutes: 10, steps: [step, Object.assign({}, step, { tip: null, image: null })] }, index: 1, total: 2, prevLessonId: 'l1', nextLessonId: null })
    if (a === 'mine') return ok({ items: [{ course: courseCard, enrolment }] })
    if (a === 'certificate') return ok(certificate)
    if (a === 'manage') return ok({ courses: [Object.assign({}, courseCard, { counters: learning, activityIds: [summary.id] })] })
    if (a === 'totals') {
      const t = Object.assign({ courses: 1 }, learning)
      return ok({ weekId: 'nc2026', total: t, byDistrict: { donghu: t }, byKind: { smart_senior: t }, byAudience: { seniors: learning } })
    }
  }
  if (name === 'notify') {
    if (a === 'change.list') return ok({ day: '2026-12-01', limit: 3, registrants: 15, items: [{ changeId: summary.id + '_2026-12-01_1', slot: 1, change: 'venue', message: '改到社区学校二楼多功能厅', at: at(1, 8, 0), notified: 15 }] })
  }
  if (name === 'reading') {
    if (a === 'lists') return ok({ weekId: 'nc2026', lists: [bookList] })
    if (a === 'book') return ok({ book, list: { id: bookList.id, title: bookList.title, weekId: 'nc2026', districtName: '东湖区' }, activities: [summary], today: '2026-12-01', loggedToday: false, reader })
    if (a === 'mine') return ok({ weekId: 'nc2026', reader, logs: [readingLog] })
    if (a === 'board') return ok({ districtName: '东湖区', entries: [{ rank: 1, name: '刘*雨', minutes: 50, isMe: true }], me: { joined: true, rank: 1 } })
    if (a === 'manage') return ok({ lists: [Object.assign({}, bookList, { logs: 2, minutes: 50 })] })
    if (a === 'totals') {
      const t = { books: 1, logs: 2, minutes: 50, bookReaders: 1 }
      return ok({ weekId: 'nc2026', total: t, byDistrict: { donghu: t }, byAudience: { residents: { logs: 2, minutes: 50 } }, readers: 1 })
    }
  }
  return { ok: false, code: 'UNKNOWN_ACTION', message: '' }
}
const known = {
  cloud: {
    init: (o) => calls.push('cloud.init ' + JSON.stringify(o)),
    callFunction: (o) => { calls.push('callFunction ' + o.name + '.' + o.data.action); return Promise.resolve({ result: answer(o.name, o.data) }) },
  },
  getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2, fontSizeSetting: 16, SDKVersion: '3.8.10' }),
  getAppBaseInfo: () => ({ fontSizeSetting: 16, SDKVersion: '3.8.10' }),
  getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
  getStorageSync: (k) => (k in storage ? storage[k] : ''),
  setStorageSync: (k, v) => { storage[k] = v },
  canIUse: () => true,
  // app.js registers the consent sheet as WeChat's privacy listener; askPrivacy() plays a privacy API waiting.
  onNeedPrivacyAuthorization: (fn) => { calls.push('onNeedPrivacyAuthorization'); privacyListener = fn },
}
let privacyListener = null
const unknownApis = new Set()
global.wx = new Proxy(known, {
  get: (t, k) => (k in t || typeof k !== 'string' || k === 'webpackJsonp' ? t[k] : (t[k] = () => { unknownApis.add(k) })),
  set: (t, k, v) => ((t[k] = v), true),
})
let app, config
const stack = []
global.App = (c) => { app = c }
global.Page = (c) => { config = c }
global.Component = (c) => { config = c }
global.getApp = () => app
global.getCurrentPages = () => stack
const errors = []
process.on('uncaughtException', (e) => errors.push('uncaught: ' + (e && e.stack || e)))
process.on('unhandledRejection', (e) => errors.push('unhandled rejection: ' + (e && e.stack || e)))
async function open(route, query) {
  config = undefined
  const before = calls.length
  require(path.join(DIST, route + '.js'))
  if (!config) throw new Error(route + ': the page did not call Page()')
  const page = Object.create(config)
  const texts = new Set()
  const collect = (v) => { if (typeof v === 'string') texts.add(v); else if (v && typeof v === 'object') Object.values(v).forEach(collect) }
  page.data = {}
  page.route = route
  page.options = query
  let lastSetData = Date.now()
  page.setData = (d, cb) => { lastSetData = Date.now(); collect(d); Object.assign(page.data, d); if (cb) setTimeout(cb, 0) }
  page.selectComponent = () => null
  stack.push(page)
  for (const hook of ['onLoad', 'onShow', 'onReady']) if (typeof config[hook] === 'function') config[hook].call(page, query)
  // Settled: no render for 1 s (a loaded machine answers the stub cloud slowly), at most 8 s (pollers).
  const opened = Date.now()
  while (Date.now() - lastSetData < 1000 && Date.now() - opened < 8000) await new Promise((r) => setTimeout(r, 100))
  // How deep the element tree nests: Taro's setData keys are paths ('root.cn.[0].cn.[2]...'), values subtrees.
  const below = (v) => (v && typeof v === 'object' ? (Array.isArray(v.cn) ? 1 : 0) + Math.max(0, ...(Array.isArray(v.cn) ? v.cn : Object.values(v)).map(below)) : 0)
  let depth = 0
  for (const [k, v] of Object.entries(page.data)) depth = Math.max(depth, (k.match(/cn\\./g) || []).length + below(v))
  return { route, texts: [...texts].filter((t) => /[\\u4e00-\\u9fa5]/.test(t)), calls: calls.slice(before), depth }
}
// A privacy API (scanCode…) used on the page on top before the person agreed: WeChat calls the
// listener app.js registered; the page must render the consent sheet (its texts are collected).
async function askPrivacy() {
  const page = stack[stack.length - 1]
  const texts = new Set()
  const collect = (v) => { if (typeof v === 'string') texts.add(v); else if (v && typeof v === 'object') Object.values(v).forEach(collect) }
  const setData = page.setData
  let last = Date.now()
  page.setData = (d, cb) => { last = Date.now(); collect(d); setData(d, cb) }
  if (!privacyListener) throw new Error('app.js registered no wx.onNeedPrivacyAuthorization listener')
  privacyListener(() => {}, { referrer: 'scanCode' })
  const asked = Date.now()
  while (Date.now() - last < 500 && Date.now() - asked < 4000) await new Promise((r) => setTimeout(r, 100))
  page.setData = setData
  return { route: 'privacy-sheet@' + page.route, texts: [...texts].filter((t) => /[\\u4e00-\\u9fa5]/.test(t)), calls: [], depth: 0 }
}
;(async () => {
  const result = { boot: [], pages: [] }
  try {
    require(path.join(DIST, 'app.js'))
    if (!app) throw new Error('app.js did not call App()')
    const launch = { path: 'pages/index/index', query: {}, scene: 1001 }
    if (app.onLaunch) app.onLaunch.call(app, launch)
    if (app.onShow) app.onShow.call(app, launch)
    result.boot = calls.slice()
    result.pages.push(await open('pages/index/index', {}))
    result.pages.push(await open('pages/activity/index', { id: summary.id }))
    result.pages.push(await open('organiser/dashboard/index', {}))
    result.pages.push(await open('pages/signup/index', { id: summary.id }))
    result.pages.push(await open('pages/mine/index', {}))
    result.pages.push(await open('pages/family/index', {}))
    result.pages.push(await open('account/data/index', {}))
    result.pages.push(await open('organiser/activities/index', {}))
    result.pages.push(await open('organiser/activity-edit/index', { weekId: 'nc2026', districtCode: 'donghu' }))
    result.pages.push(await open('organiser/change-notice/index', { id: summary.id }))
    result.pages.push(await open('organiser/week/index', {}))
    result.pages.push(await open('organiser/summary/index', { weekId: 'nc2026', districtCode: 'donghu' }))
    result.pages.push(await open('organiser/submission/index', { weekId: 'nc2026', districtCode: 'donghu' }))
    result.pages.push(await open('organiser/publicity/index', { weekId: 'nc2026', districtCode: 'donghu' }))
    result.pages.push(await open('organiser/stars/index', { weekId: 'nc2026' }))
    result.pages.push(await open('organiser/star-edit/index', { weekId: 'nc2026', districtCode: 'donghu' }))
    result.pages.push(await open('organiser/reconcile/index', { weekId: 'nc2026' }))
    result.pages.push(await open('organiser/staff/index', { weekId: 'nc2026' }))
    result.pages.push(await open('organiser/join/index', { code: 'ABCDEFGH23' }))
    result.pages.push(await open('ticket/index', { id: registration.id }))
    result.pages.push(await open('ticket/poster/index', { id: summary.id }))
    result.pages.push(await open('volunteer/checkin/index', { id: summary.id }))
    result.pages.push(await open('learn/courses/index', {}))
    result.pages.push(await open('learn/course/index', { id: courseCard.id }))
    result.pages.push(await open('learn/lesson/index', { courseId: courseCard.id, lessonId: 'l2', step: '1' }))
    result.pages.push(await open('learn/certificate/index', { courseId: courseCard.id }))
    result.pages.push(await open('learn/books/index', {}))
    result.pages.push(await open('learn/book/index', { id: book.id }))
    result.pages.push(await open('learn/reading/index', {}))
    result.pages.push(await open('account/privacy/index', {}))
    // Last, as the sheet it is asked to show stays open: the volunteer's page scanning before agreeing.
    result.pages.push(await open('volunteer/scan/index', {}))
    result.pages.push(await askPrivacy())
  } catch (e) {
    errors.push(String(e && e.stack || e))
  }
  result.errors = errors
  result.unknownApis = [...unknownApis]
  process.stdout.write('\\nRUNTIME_SMOKE ' + JSON.stringify(result) + '\\n')
  process.exit(0)
})()
`

/** What each page must show and call once the stub cloud has answered. */
const RUNTIME_EXPECT: Record<string, { texts: string[]; calls: string[] }> = {
  'pages/index/index': {
    texts: ['2026年南昌市全民终身学习活动周', '智慧助老·手机打车查公交', '长辈版', '12月1日 周二 09:00–10:30'],
    calls: ['callFunction activity.weeks', 'callFunction activity.list'],
  },
  'pages/activity/index': {
    // The stub activity ends 12月1日 10:30 (Shanghai): after that the page says 已结束 and no seats.
    texts: ['智慧助老·手机打车查公交', Date.now() < Date.UTC(2026, 11, 1, 2, 30) ? '剩余 5 个名额' : '已结束', '南昌市东湖区松柏巷18号'],
    calls: ['callFunction activity.get', 'callFunction signup.preview'],
  },
  'volunteer/scan/index': {
    texts: ['志愿者签到', '智慧助老·手机打车查公交 ›', '已签到 3 / 15 人，现场登记 2 人', '确认邀请码'],
    calls: ['callFunction checkin.myActivities'],
  },
  'ticket/index': {
    texts: [
      '王秀兰',
      '代报名（家人代为报名）',
      '智慧助老·手机打车查公交',
      '时间：12月1日 周二 09:00–10:30',
      '添加到手机日历',
      '打印版（黑白，适合打印）',
    ],
    calls: ['callFunction signup.ticket'],
  },
  // The poster is drawn on an offscreen canvas the stub wx does not have, so the page says it failed.
  'ticket/poster/index': {
    texts: ['海报生成失败，请返回后再试一次。'],
    calls: ['callFunction activity.get', 'callFunction activity.weeks', 'callFunction activity.wxacode'],
  },
  'volunteer/checkin/index': {
    texts: ['智慧助老·手机打车查公交', '扫码签到', '核验并签到', '下载名单', '登记入场', '查找'],
    calls: ['callFunction checkin.myActivities'],
  },
  'organiser/dashboard/index': {
    texts: [
      '活动周概况',
      '活动管理：新建、发布、取消活动',
      '智慧助老·手机打车查公交',
      '⚠ 需要志愿者',
      '报名 15 / 名额 20',
      '签到曲线（每小时到场人数）',
      '老年人群',
      '满意率（共 4 人评价）',
    ],
    calls: [
      'callFunction activity.weeks',
      'callFunction activity.roles',
      'callFunction stats.dashboard',
      'callFunction course.totals',
      'callFunction reading.totals',
    ],
  },
  'organiser/summary/index': {
    texts: [
      '总结表',
      '截止 2026年12月10日，还有 9 天',
      '计算方法：活动周设置中的县区',
      '5 人（签到 3 人、现场登记 2 人）',
      '导出 Word（总结表）',
      '导出 PDF（总结表，盖章用）',
      '已退回修改',
      '退回原因：活动成效请补充数据',
      '修改完成，重新提交给上级',
      '★ 有特色',
    ],
    calls: ['callFunction activity.roles', 'callFunction stats.summary'],
  },
  'organiser/submission/index': {
    texts: ['提交的总结表', '↑ 已提交', '上报给 南昌市', '东湖区活动周开幕式', '退回修改', '导出 PDF'],
    calls: ['callFunction stats.summary.submission'],
  },
  'organiser/publicity/index': {
    texts: ['宣传报道', '▤ 文字报道', '▣ 图片', '东湖区融媒体中心', '关于：《智慧助老·手机打车查公交》', '＋ 添加宣传报道'],
    calls: ['callFunction activity.roles', 'callFunction stats.publicity.list', 'callFunction activity.mine'],
  },
  'organiser/stars/index': {
    texts: [
      '学习之星与品牌项目',
      '王秀兰',
      '县区已推荐',
      '点赞 12 · 投票 3',
      '已入选 0 / 名额 3',
      '评选入选',
      '不予推荐',
      '导出 Excel',
      '推荐设置',
    ],
    calls: ['callFunction activity.roles', 'callFunction stars.list', 'callFunction stars.settings.get'],
  },
  'organiser/star-edit/index': {
    texts: [
      '推荐学习之星与品牌项目',
      '事迹介绍',
      '0 / 2000 字，提交推荐至少 20 字',
      '已取得被推荐人本人同意推荐和公开展示',
      '保存草稿',
      '提交推荐',
    ],
    calls: ['callFunction activity.roles'],
  },
  'organiser/staff/index': {
    texts: ['人员与任命', '东湖区', '撤销', '作废', '涂建华 任命 万丽娟 为 东湖区 的组织者', '请先选择县区'],
    calls: ['callFunction activity.weeks', 'callFunction activity.roles', 'callFunction staff.units.list', 'callFunction staff.roles.list'],
  },
  'organiser/join/index': {
    texts: ['工作人员', '输入任命码', '确认任命码', '首次设置', '我有设置码'],
    calls: [],
  },
  'organiser/reconcile/index': {
    texts: ['数据核对', '2026年南昌市全民终身学习活动周', '核对范围：', '全部县区', '开始核对'],
    calls: ['callFunction activity.roles'],
  },
  'pages/signup/index': {
    texts: ['第一步：给谁报名', '王秀兰', '确认为自己报名'],
    calls: [
      'callFunction activity.get',
      'callFunction privacy.consent.get',
      'callFunction signup.profile.get',
      'callFunction signup.family.list',
      'callFunction signup.preview',
    ],
  },
  'learn/courses/index': { texts: ['学用手机·读好书', '用手机查公交、打车', '已学1课 / 共2课'], calls: ['callFunction course.list'] },
  'learn/course/index': {
    texts: ['用手机查公交、打车', '继续学习', '✓ 已学会', '智慧助老·手机打车查公交', '王秀兰'],
    calls: ['callFunction course.get', 'callFunction signup.family.list'],
  },
  'learn/lesson/index': { texts: ['叫出租车', '第2步 / 共2步', '✓ 学会了', '‹ 上一步'], calls: ['callFunction course.lesson'] },
  'learn/certificate/index': { texts: ['结业证书', '刘思雨', '证书编号：'], calls: ['callFunction course.certificate'] },
  'learn/books/index': { texts: ['平凡的世界', '路遥'], calls: ['callFunction reading.lists'] },
  'learn/book/index': { texts: ['平凡的世界', '打卡'], calls: ['callFunction reading.book'] },
  'learn/reading/index': { texts: ['我的读书', '已连续读书 2 天'], calls: ['callFunction reading.mine'] },
  'pages/mine/index': {
    texts: [
      '我的活动',
      '我的学习',
      '候补第 2 位',
      '候补成功：智慧助老·手机打车查公交',
      '请评价您参加的活动',
      '基本满意',
      '为家人 王秀兰 报名参加',
    ],
    calls: ['callFunction signup.mine', 'callFunction signup.notices', 'callFunction signup.rating.pending'],
  },
  'account/data/index': {
    texts: [
      '我的信息',
      '刘思雨',
      '东湖区百花洲街道松柏巷社区',
      '王秀兰',
      '智慧助老·手机打车查公交',
      '◷ 候补中',
      '《平凡的世界》',
      '学习之星推荐（1）',
      '本人自荐',
      '点赞、投票 2 次',
      '导出我的信息',
      '删除我的信息',
    ],
    calls: ['callFunction privacy.mine'],
  },
  'account/privacy/index': {
    texts: ['隐私保护指引', '为什么收集', '谁能看到', '保存多久', '手机号', '查看、导出和删除', '主办单位：', '南昌市教育局'],
    calls: ['callFunction activity.weeks'],
  },
  'privacy-sheet@volunteer/scan/index': { texts: ['请阅读《隐私保护指引》', '同意并继续', '不同意'], calls: [] },
  'pages/family/index': { texts: ['我的家人', '王秀兰', '没有手机号，活动通知发给您'], calls: ['callFunction signup.family.list'] },
  'organiser/activities/index': {
    texts: ['活动管理', '已报名 15 / 20 人', '已签到 3 人 · 现场登记 2 人', '邀请志愿者签到'],
    calls: ['callFunction activity.roles', 'callFunction activity.mine'],
  },
  'organiser/activity-edit/index': {
    texts: ['新建活动', '时间和地点', '12月1日'],
    calls: ['callFunction activity.weeks', 'callFunction activity.roles'],
  },
  'organiser/change-notice/index': {
    texts: ['通知报名者', '智慧助老·手机打车查公交', '今天已发送 1/3 次（每天最多 3 次）', '改到社区学校二楼多功能厅', '发送通知'],
    calls: ['callFunction activity.get', 'callFunction notify.change.list'],
  },
  'organiser/week/index': {
    texts: ['活动周设置', '邓雅琴', '个人信息将于 2027年6月8日 匿名化'],
    calls: ['callFunction activity.roles', 'callFunction activity.week.get'],
  },
}

function checkRuntime(figures: Record<string, number>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'check-weapp-run-'))
  const file = path.join(dir, 'smoke.cjs')
  writeFileSync(file, RUNTIME_SMOKE)
  const res = spawnSync(process.execPath, [file], {
    env: { ...process.env, CHECK_WEAPP_DIST: DIST },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 32 * MB,
  })
  rmSync(dir, { recursive: true, force: true })
  const line = (res.stdout ?? '').split('\n').find((l) => l.startsWith('RUNTIME_SMOKE '))
  if (!line) {
    fail(
      `runtime smoke test did not finish (status ${res.status}${res.error ? `, ${res.error.message}` : ''}): ${(res.stderr ?? '').slice(-1500)}`,
    )
    return
  }
  const out = JSON.parse(line.slice('RUNTIME_SMOKE '.length)) as {
    boot: string[]
    pages: { route: string; texts: string[]; calls: string[]; depth: number }[]
    errors: string[]
    unknownApis: string[]
  }
  for (const e of out.errors) fail(`runtime smoke test: ${e.slice(0, 800)}`)
  if (!out.boot.some((c) => c === 'cloud.init {"traceUser":true}'))
    fail('runtime smoke test: app.js did not call wx.cloud.init({ traceUser: true })')
  for (const [route, want] of Object.entries(RUNTIME_EXPECT)) {
    const page = out.pages.find((p) => p.route === route)
    if (!page) {
      fail(`runtime smoke test: ${route} was not opened`)
      continue
    }
    const joined = page.texts.join('\n')
    for (const t of want.texts)
      if (!joined.includes(t)) fail(`runtime smoke test: ${route} did not render "${t}" (rendered: ${joined.slice(0, 300)})`)
    for (const c of want.calls) if (!page.calls.includes(c)) fail(`runtime smoke test: ${route} did not ${c}`)
  }
  const deepest = out.pages.reduce((a, p) => (p.depth > a.depth ? p : a), { route: '', depth: 0 })
  figures['weapp.maxTemplateDepth'] = deepest.depth
  const container = /<template name="tmpl_(\d+)_container"/.exec(readFileSync(path.join(DIST, 'base.wxml'), 'utf8'))
  const baseLevel = container ? Number(container[1]) + 1 : undefined
  notes.push(
    `template depth: the deepest rendered page (${deepest.route}) nests ${deepest.depth} levels; baseLevel ${baseLevel ?? '?'}` +
      (baseLevel !== undefined && deepest.depth >= baseLevel
        ? ' (deeper levels render through the comp component: consider raising baseLevel)'
        : ''),
  )
  notes.push(
    `runtime smoke test: app.js booted (cloud.init traceUser), ${out.pages.length} pages rendered through Taro's runtime with a stub wx.cloud` +
      (out.unknownApis.length ? `; other wx APIs called (stubbed): ${out.unknownApis.join(', ')}` : ''),
  )
}

async function main() {
  const started = Date.now()
  // miniprogram-ci rejects some promises nobody awaits (e.g. when its compiler child exits): record
  // them as failures instead of crashing without the figures.
  process.on('unhandledRejection', (reason) => fail(`unhandled rejection: ${(reason as Error)?.message ?? String(reason)}`))
  const appFile = path.join(DIST, 'app.json')
  if (!existsSync(appFile)) {
    console.error(`check-weapp: ${path.relative(ROOT, appFile)} not found; run npm run build:weapp first`)
    process.exit(1)
  }
  const app = (readJson(appFile) ?? {}) as AppJson
  const files = walk(DIST)
  const pages = checkStructure(app, files)
  const figures = measure(app, files)
  checkNoDevCode(files)
  checkParsing(files)
  try {
    await checkWithMiniprogramCi(figures)
  } catch (err) {
    fail(`miniprogram-ci could not run offline: ${(err as Error).stack ?? err}`)
  }
  const ciMain = figures['weapp.ci.mainPackageBytes']
  if (ciMain > MAIN_PACKAGE_LIMIT)
    fail(`miniprogram-ci measures the main package at ${ciMain} bytes, over its ${MAIN_PACKAGE_LIMIT} byte limit`)
  checkRuntime(figures)
  figures['weapp.checkSeconds'] = Math.round((Date.now() - started) / 100) / 10

  console.log(`check-weapp: ${pages.length} pages (${pages.join(', ')})`)
  for (const n of notes) console.log(`check-weapp: ${n}`)
  for (const [k, v] of Object.entries(figures)) console.log(`${k}=${v}`)
  mkdirSync(BENCH_DIR, { recursive: true })
  writeFileSync(path.join(BENCH_DIR, 'weapp.json'), JSON.stringify(figures, null, 2) + '\n')

  if (failures.length) {
    console.error(`check-weapp: FAILED, ${failures.length} problem(s):`)
    for (const f of failures) console.error(`  - ${f}`)
    process.exit(1)
  }
  console.log(
    'check-weapp: ok (structure, sizes, no dev code, wcc/wcsc, miniprogram-ci offline compile/analyse/quality, runtime smoke test)',
  )
  process.exit(0)
}

main().catch((err) => {
  console.error('check-weapp: crashed:', err)
  process.exit(1)
})
