import { EDIT_STATUS_WORDS, STATUS_WORDS } from './statusText'

test('status words: the lists and the edit pages say the same but for the draft', () => {
  expect(STATUS_WORDS).toEqual({ draft: '✎ 草稿', published: '✓ 已发布', cancelled: '✕ 已取消' })
  expect(EDIT_STATUS_WORDS).toEqual({ draft: '✎ 草稿（居民看不到）', published: '✓ 已发布', cancelled: '✕ 已取消' })
})
