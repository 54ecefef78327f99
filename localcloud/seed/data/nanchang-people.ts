// What the seeded attendance of the Nanchang week is made of: the 街道/乡镇 and 社区/村 residents of
// each district type into the sign-up form, the names they have, how the district's people divide
// into the audiences of the notice, the words of their ratings and the district's publicity
// outlets. Place names follow the districts' streets and towns; the communities are plausible,
// not a register. Names are invented. Pure data.

import type { AgeGroup, Relation } from '../../../src/shared/domain/people'
import type { Audience, ContentType } from '../../../src/shared/domain/vocabulary'

export interface SeedPlace {
  /** A 街道, 镇 or 乡. */
  street: string
  /** Its 社区 or 村. */
  communities: string[]
}

export interface SeedDistrictPeople {
  /** Share of the city's residents in the pool. */
  weight: number
  places: SeedPlace[]
  /** How the district's adults (18-59) divide into audiences. */
  audiences: Partial<Record<Audience, number>>
}

const URBAN: Partial<Record<Audience, number>> = {
  residents: 55,
  employees: 14,
  service_workers: 12,
  migrant_workers: 5,
  veterans: 4,
  educators: 4,
  youth: 6,
}
const COUNTY: Partial<Record<Audience, number>> = {
  residents: 38,
  farmers: 34,
  migrant_workers: 10,
  employees: 6,
  veterans: 5,
  service_workers: 5,
  educators: 2,
}
const PARK: Partial<Record<Audience, number>> = {
  employees: 40,
  residents: 26,
  youth: 12,
  educators: 8,
  service_workers: 8,
  migrant_workers: 6,
}

export const NANCHANG_PEOPLE: Record<string, SeedDistrictPeople> = {
  donghu: {
    weight: 14,
    audiences: URBAN,
    places: [
      { street: '豫章街道', communities: ['彭家桥社区', '贤士花园社区', '豫章路社区'] },
      { street: '百花洲街道', communities: ['松柏巷社区', '孺子亭社区', '百花洲社区'] },
      { street: '公园街道', communities: ['青山路社区', '叠山路社区'] },
      { street: '八一桥街道', communities: ['八一桥社区', '永外正街社区'] },
      { street: '墩子塘街道', communities: ['墩子塘社区', '洪都北大道社区'] },
      { street: '滕王阁街道', communities: ['滕王阁社区', '榕门路社区'] },
      { street: '董家窑街道', communities: ['董家窑社区', '青山南路社区'] },
    ],
  },
  xihu: {
    weight: 13,
    audiences: URBAN,
    places: [
      { street: '南浦街道', communities: ['南浦社区', '孺子路社区'] },
      { street: '绳金塔街道', communities: ['绳金塔社区', '进贤门社区'] },
      { street: '朝阳洲街道', communities: ['朝阳洲社区', '朝阳新城社区'] },
      { street: '西湖街道', communities: ['西湖社区', '船山路社区'] },
      { street: '桃源街道', communities: ['桃苑社区', '桃源社区'] },
      { street: '十字街街道', communities: ['十字街社区', '万寿宫社区'] },
    ],
  },
  qingyunpu: {
    weight: 8,
    audiences: URBAN,
    places: [
      { street: '洪都街道', communities: ['洪都社区', '洪都中大道社区'] },
      { street: '京山街道', communities: ['京山社区', '京山老街社区'] },
      { street: '三家店街道', communities: ['三家店社区', '施尧社区'] },
      { street: '岱山街道', communities: ['岱山社区', '井冈山大道社区'] },
      { street: '徐家坊街道', communities: ['徐家坊社区', '广州路社区'] },
    ],
  },
  qingshanhu: {
    weight: 11,
    audiences: URBAN,
    places: [
      { street: '湖坊镇', communities: ['湖坊社区', '进顺村'] },
      { street: '上海路街道', communities: ['上海路社区', '南京东路社区'] },
      { street: '青山路街道', communities: ['青山湖社区', '湖滨东路社区'] },
      { street: '塘山镇', communities: ['塘山社区', '北沥村'] },
      { street: '京东镇', communities: ['京东社区', '昌东大道社区'] },
    ],
  },
  xinjian: {
    weight: 8,
    audiences: COUNTY,
    places: [
      { street: '长堎镇', communities: ['长堎社区', '红林社区'] },
      { street: '望城镇', communities: ['望城社区', '新祺周社区'] },
      { street: '溪霞镇', communities: ['溪霞村', '店前村'] },
      { street: '西山镇', communities: ['西山村', '梅岭村'] },
      { street: '大塘坪乡', communities: ['观西村', '大塘村'] },
    ],
  },
  honggutan: {
    weight: 11,
    audiences: URBAN,
    places: [
      { street: '沙井街道', communities: ['沙井社区', '丰和社区'] },
      { street: '卫东街道', communities: ['卫东社区', '碟子湖社区'] },
      { street: '凤凰洲街道', communities: ['凤凰洲社区', '凤凰城社区'] },
      { street: '生米街道', communities: ['九龙湖社区', '生米社区'] },
    ],
  },
  nanchangxian: {
    weight: 9,
    audiences: COUNTY,
    places: [
      { street: '莲塘镇', communities: ['向阳社区', '澄湖社区', '莲塘社区'] },
      { street: '向塘镇', communities: ['向塘社区', '新联村'] },
      { street: '蒋巷镇', communities: ['蒋巷村', '立新村'] },
      { street: '三江镇', communities: ['三江社区', '徐罗村'] },
    ],
  },
  jinxian: {
    weight: 6,
    audiences: COUNTY,
    places: [
      { street: '民和镇', communities: ['城东村', '民和社区', '青岚社区'] },
      { street: '文港镇', communities: ['文港社区', '周坊村'] },
      { street: '李渡镇', communities: ['李渡社区', '桥头村'] },
    ],
  },
  anyi: {
    weight: 4,
    audiences: COUNTY,
    places: [
      { street: '龙津镇', communities: ['西门社区', '凤凰社区'] },
      { street: '石鼻镇', communities: ['京台村', '罗田村', '水南村'] },
      { street: '鼎湖镇', communities: ['鼎湖社区', '西山村'] },
    ],
  },
  jingkai: {
    weight: 6,
    audiences: PARK,
    places: [
      { street: '蛟桥镇', communities: ['蛟桥社区', '麦园社区', '秀先村'] },
      { street: '白水湖街道', communities: ['白水湖社区', '双港社区'] },
    ],
  },
  gaoxin: {
    weight: 6,
    audiences: PARK,
    places: [
      { street: '昌东镇', communities: ['昌东社区', '艾溪湖社区'] },
      { street: '麻丘镇', communities: ['麻丘社区', '塘下村'] },
      { street: '瑶湖街道', communities: ['瑶湖社区', '紫阳社区'] },
    ],
  },
  wanli: {
    weight: 4,
    audiences: COUNTY,
    places: [
      { street: '梅岭镇', communities: ['梅岭社区', '太平村'] },
      { street: '太平镇', communities: ['太平社区', '翠岩村'] },
      { street: '招贤镇', communities: ['招贤社区', '店前村'] },
      { street: '站前街道', communities: ['站前社区', '幸福社区'] },
    ],
  },
}

/** Surnames common in Nanchang (谌, 涂, 熊, 万 among them), the first ones the most. */
export const SURNAMES = Array.from('刘万熊涂胡李王张陈杨黄吴徐邓罗彭曾肖饶付龚喻程邹余周朱聂魏蔡谌漆揭章钟')

/** Given names by the generation they are typical of. */
export const GIVEN_NAMES: Record<'child' | 'young' | 'middle' | 'old', { f: string[]; m: string[] }> = {
  child: { f: ['梓萱', '一诺', '诗涵', '欣怡', '雨桐', '若曦', '可馨'], m: ['子墨', '沐阳', '睿泽', '梓轩', '浩宇', '宇航', '一鸣'] },
  young: { f: ['思雨', '佳琪', '晓雯', '婷', '雅琴', '梦瑶', '丹', '倩'], m: ['浩然', '俊杰', '磊', '鹏', '文博', '子豪', '超', '凯'] },
  middle: {
    f: ['丽娟', '海燕', '红梅', '晓红', '小平', '静', '敏', '芳'],
    m: ['卫东', '建华', '志强', '文斌', '勇', '国庆', '小军', '永红'],
  },
  old: {
    f: ['桂英', '秀兰', '冬梅', '淑珍', '凤英', '玉兰', '春花', '金莲'],
    m: ['建国', '国华', '志明', '长生', '根生', '水根', '福生', '家林'],
  },
}

export const generationOf = (age: AgeGroup): keyof typeof GIVEN_NAMES =>
  age === 'under18' ? 'child' : age === '18-39' ? 'young' : age === '40-59' ? 'middle' : 'old'

/** Family members a resident signs up (代报名), by the resident's age group: relation and age. */
export const FAMILY_OF: Record<AgeGroup, { relation: Relation; age: AgeGroup; weight: number }[]> = {
  under18: [],
  '18-39': [
    { relation: 'child', age: 'under18', weight: 50 },
    { relation: 'parent', age: '60-69', weight: 35 },
    { relation: 'grandparent', age: '70+', weight: 15 },
  ],
  '40-59': [
    { relation: 'parent', age: '70+', weight: 55 },
    { relation: 'child', age: 'under18', weight: 35 },
    { relation: 'spouse', age: '40-59', weight: 10 },
  ],
  '60-69': [{ relation: 'spouse', age: '70+', weight: 100 }],
  '70+': [{ relation: 'spouse', age: '70+', weight: 100 }],
}

/** Rating comments: the level's words, and for 满意 some about the kind of activity. */
export const COMMENTS: Record<'satisfied' | 'basic' | 'unsatisfied', string[]> = {
  satisfied: [
    '老师讲得很细致，一步一步教，学会了',
    '内容很实用，回去就能用上',
    '希望以后多办这样的活动',
    '讲得通俗易懂，很有收获',
    '组织有序，签到很快',
    '志愿者很热情，全程有人引导',
    '家门口就能学习，方便',
  ],
  basic: [
    '内容不错，就是时间有点短',
    '后排听不太清，希望改进音响',
    '希望多留点时间提问',
    '讲得有点快，老年人跟不上',
    '场地不太好找，希望多放指引牌',
  ],
  unsatisfied: ['音响效果太差，听不清楚', '开始时间推迟了快半小时', '人太多，没有座位'],
}

export const COMMENTS_BY_TYPE: Partial<Record<ContentType, string[]>> = {
  smart_senior: ['学会了用手机挂号，不用再去医院排队了', '一对一教，终于会用了', '防骗知识很有用，回去讲给老伴听'],
  reading: ['推荐的书很好，准备借回去看', '读书会气氛很好，认识了新书友'],
  open_resources: ['讲解员讲得生动，孩子收获很大', '平时进不来的地方这次看到了'],
  party_congress: ['宣讲结合身边的变化，听得明白', '问答环节很好，解答了我们关心的问题'],
  digital_learning: ['实操多，比看视频学得快', '课件能不能发给我们复习'],
  achievements: ['作品很精彩，很受鼓舞'],
  learning_stars: ['学习之星的故事很感人'],
}

/** Where a district's activity week is reported; `{d}` is the district's name. */
export const OUTLETS = {
  paper: ['南昌日报', '南昌晚报', '江西教育网'],
  local: ['{d}融媒体中心', '{d}教育体育局微信公众号', '“学习{d}”微信公众号'],
  video: ['{d}融媒体中心视频号', '南昌广播电视台'],
}
