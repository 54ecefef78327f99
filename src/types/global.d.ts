/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'
declare module '*.sass'

declare namespace NodeJS {
  interface ProcessEnv {
    /**
     * The platform being built; replaced at build time, so branches on it are dropped elsewhere.
     * Optional because this declaration is seen by the whole project (node scripts too).
     */
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** Optional AppID override, see Taro's env-mode docs. */
    TARO_APP_ID?: string
  }
}
