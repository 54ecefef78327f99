import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { trimWeappBundle } from './weappTrim'

const root = path.resolve(__dirname, '..')

// Sizes in the scss are written for a 375-wide design. In weapp 1px becomes 2rpx (= 1 CSS px on a
// 375-wide phone); in h5 targetUnit 'px' keeps px as they are, so what the scss says is what
// Chromium computes. Font sizes and care-mode tap targets are written `Px` (not converted anywhere):
// text keeps its size whatever the screen width, so the care-mode minimum (18) holds on narrow phones.
const DESIGN_WIDTH = 375
/**
 * Code the pages may import from outside sourceRoot: the privacy guide's files (config/privacy*.ts)
 * and the subscribe-message templates (config/subscribe.ts, and subscribeTemplateIds.ts: the ids the
 * sign-up page asks requestSubscribeMessage for).
 */
const PRIVACY_GUIDE_FILES = ['privacy.ts', 'privacyConsent.ts', 'subscribe.ts', 'subscribeTemplateIds.ts'].map((f) =>
  path.join(__dirname, f),
)

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'lifelong-learning-week',
    date: '2026-11-23',
    designWidth: DESIGN_WIDTH,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [path.join(__dirname, 'weappComponents.ts')],
    // Taro defines process.env.TARO_ENV as a literal ('weapp' | 'h5'). Dev-only code (the persona
    // switcher, the local gateway transport) is reached only through dynamic imports inside
    // `if (process.env.TARO_ENV === 'h5')`, which webpack drops as dead code from the weapp build
    // (check-weapp asserts none of it is there).
    defineConstants: {},
    alias: {
      '@': path.join(root, 'src'),
      '@shared': path.join(root, 'src', 'shared'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    // weapp: WeChat has no recursive templates, so Taro writes every element's template once per
    // nesting level into the main package's base.wxml (about 2.7 KB a level). The deepest page
    // nests 9 levels (check-weapp reports weapp.maxTemplateDepth from its smoke render); anything
    // deeper than baseLevel still renders, through Taro's `comp` component. Taro's default, 16,
    // cost the main package 11 KB more.
    baseLevel: 12,
    compiler: 'webpack5',
    // Taro's terser writes every non-ASCII character as a \uXXXX escape (6 bytes where UTF-8 takes
    // 3): the app's Chinese text cost the weapp main package about 15 KB more. WeChat reads its JS
    // as UTF-8; terser still escapes U+2028/U+2029, the line terminators an older engine trips on.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    cache: { enable: false },
    sass: {},
    mini: {
      compile: { include: PRIVACY_GUIDE_FILES },
      webpackChain(chain) {
        trimWeappBundle(chain)
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: PRIVACY_GUIDE_FILES },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // 'px' is handled by postcss-pxtransform (rootValue 1 for a 375 design) but missing from
        // Taro's config type, hence the cast. It also turns off Taro's rem script in index.html.
        pxtransform: { enable: true, config: { targetUnit: 'px' as 'rem' } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        // The h5 build is for local runs and browser tests, not a public site: no size hints.
        chain.performance.hints(false)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
