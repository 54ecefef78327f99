import { watchActivities } from './liveChanges'

const calls: { where?: Record<string, unknown>; options?: { onChange: (s: unknown) => void; onError: (e: unknown) => void } } = {}
const close = jest.fn(() => Promise.resolve())

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    cloud: {
      database: () => ({
        command: { in: (xs: string[]) => ({ $in: xs }) },
        collection: (name: string) => {
          if (name !== 'activities') throw new Error(`unexpected collection ${name}`)
          return {
            where: (w: Record<string, unknown>) => {
              calls.where = w
              return {
                watch: (o: typeof calls.options) => {
                  calls.options = o
                  return { close }
                },
              }
            },
          }
        },
      }),
    },
  },
}))

const env = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = env
  close.mockClear()
})

describe('watchActivities', () => {
  test('off weapp there is no watch: null, and the caller polls', () => {
    process.env.TARO_ENV = 'h5'
    expect(watchActivities('nc2026', 'donghu', () => {})).toBeNull()
  })

  test('in weapp it watches the published and cancelled activities of the district, as the security rule allows', () => {
    process.env.TARO_ENV = 'weapp'
    const stop = watchActivities('nc2026', 'donghu', () => {})
    expect(calls.where).toEqual({ weekId: 'nc2026', districtCode: 'donghu', status: { $in: ['published', 'cancelled'] } })
    stop!()
    expect(close).toHaveBeenCalledTimes(1)
  })

  test('the roll-up watches the whole week', () => {
    process.env.TARO_ENV = 'weapp'
    watchActivities('nc2026', null, () => {})
    expect(calls.where).not.toHaveProperty('districtCode')
  })

  test('the initial snapshot is not a change; later snapshots are, and a lost watch is told', () => {
    process.env.TARO_ENV = 'weapp'
    const onChange = jest.fn()
    const onLost = jest.fn()
    watchActivities('nc2026', 'donghu', onChange, onLost)
    calls.options!.onChange({ type: 'init', docChanges: [] })
    expect(onChange).not.toHaveBeenCalled()
    calls.options!.onChange({ docChanges: [{ dataType: 'update' }] })
    expect(onChange).toHaveBeenCalledTimes(1)
    calls.options!.onError(new Error('closed'))
    expect(onLost).toHaveBeenCalledTimes(1)
  })
})
