import type { UserConfigExport } from '@tarojs/cli'

// `npm run dev` (localcloud/scripts/dev.ts) runs `taro build --type h5 --watch` with
// LOCALCLOUD_DEV_H5_PORT set: Taro's dev server then only watches and writes dist/h5 after each
// rebuild (no hot reload, no client script in the bundle), on a side port; the local gateway serves
// dist/h5 and /api/call at the URL npm run dev prints.
const devH5Port = process.env.LOCALCLOUD_DEV_H5_PORT

export default {
  logger: {
    quiet: false,
    stats: true,
  },
  mini: {},
  h5: devH5Port
    ? {
        devServer: {
          host: '127.0.0.1',
          port: Number(devH5Port),
          open: false,
          hot: false,
          liveReload: false,
          client: false,
          webSocketServer: false,
          devMiddleware: { writeToDisk: true },
        },
      }
    : {},
} satisfies UserConfigExport<'webpack5'>
