// Where some seeded activities are on a map (GCJ-02, as WeChat's chooseLocation gives them) and
// whom residents call about them. Coordinates are near the named place; people and phones are
// fictional. The rest of the seeded activities have neither (an address only, no contact).

import type { SeedPlace } from './types'

export const SEED_PLACES: Record<string, SeedPlace> = {
  'nc2026-donghu-01': {
    location: { latitude: 28.68402, longitude: 115.90833, name: '东湖区社区教育学院', address: '南昌市东湖区福州路236号' },
    contactName: '刘老师',
    contactPhone: '0791-86620318',
  },
  'nc2026-donghu-02': {
    location: { latitude: 28.6799, longitude: 115.90101, name: '百花洲街道社区学校', address: '南昌市东湖区松柏巷18号' },
    contactName: '熊老师',
    contactPhone: '13907912236',
  },
  'nc2026-donghu-03': {
    location: { latitude: 28.67551, longitude: 115.91352, name: '江西省老年大学', address: '南昌市东湖区阳明路133号' },
    contactName: '胡老师',
    contactPhone: '0791-86783125',
  },
  'nc2026-xihu-01': {
    location: { latitude: 28.66045, longitude: 115.89473, name: '绳金塔社区党群服务中心', address: '南昌市西湖区绳金塔街76号' },
    contactName: '万老师',
    contactPhone: '0791-86520147',
  },
  'nc2026-qingshanhu-01': { contactName: '涂老师', contactPhone: '13879105521' },
  'nc2026-honggutan-01': {
    location: { latitude: 28.68906, longitude: 115.85622, name: '江西省图书馆', address: '南昌市红谷滩区凤凰中大道1号' },
    contactName: '邓老师',
    contactPhone: '0791-88880126',
  },
  'hn2026-haikou-01': {
    location: { latitude: 20.02842, longitude: 110.35531, name: '海南开放大学', address: '海口市美兰区海府路38号' },
    contactName: '符老师',
    contactPhone: '0898-66660137',
  },
  'hn2026-haikou-02': {
    location: { latitude: 20.02221, longitude: 110.35867, name: '海府街道社区党群服务中心', address: '海口市美兰区海府路128号' },
    contactName: '王老师',
    contactPhone: '13876001234',
  },
  'hn2026-haikou-03': {
    location: { latitude: 20.02573, longitude: 110.32468, name: '金贸街道社区学校', address: '海口市龙华区金龙路66号' },
    contactName: '陈老师',
    contactPhone: '0898-68551022',
  },
  'hn2026-sanya-01': { contactName: '林老师', contactPhone: '0898-88271234' },
}
