import type { IPluginContext } from '@tarojs/service'

/**
 * A local Taro plugin. Taro writes the template of `scroll-view` into base.wxml (main package, about
 * 2.4 KB per nesting level, 9 KB in all) even when no page uses one: it is in Taro's default set of
 * components. The app has none (the organiser's day selector is a view that scrolls sideways), so it
 * is taken out of that set; a page that imports ScrollView puts it back, as Taro adds every component
 * the code imports.
 */
export default (ctx: IPluginContext) => {
  ctx.modifyComponentConfig(({ componentConfig }: { componentConfig: { includes: Set<string> } }) => {
    if (process.env.TARO_ENV !== 'weapp') return
    componentConfig.includes.delete('scroll-view')
  })
}
