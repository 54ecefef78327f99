import { PRIVACY_GUIDE } from '../../config/privacy'
import { consoleForm } from '../scripts/privacy-guide'

// The items WeChat's 用户隐私保护指引 form offers (mp.weixin.qq.com, 服务内容声明), as this guide names them.
const CONSOLE_ITEMS = new Set([
  '姓名',
  '手机号',
  '地址',
  '邮箱',
  '身份证号',
  '摄像头',
  '麦克风',
  '选中的照片或视频信息',
  '选择的位置信息',
  '剪切板',
  '相册（仅写入）权限',
  '日历（仅写入）权限',
  '微信昵称、头像',
])

describe('the privacy guide as the WeChat console form', () => {
  it('names only items the console offers', () => {
    for (const item of PRIVACY_GUIDE.items) if (item.wechatItem) expect(CONSOLE_ITEMS).toContain(item.wechatItem)
  })

  it('lists each console item once, with every purpose the guide gives it', () => {
    const form = consoleForm(PRIVACY_GUIDE)
    expect(form.match(/^- 姓名：/gm)).toHaveLength(1)
    for (const item of PRIVACY_GUIDE.items) expect(form).toContain(item.purpose)
  })

  it('asks to use permissions and to collect information', () => {
    const form = consoleForm(PRIVACY_GUIDE)
    expect(form).toContain('使用你的摄像头')
    expect(form).toContain('收集你的手机号')
  })
})
