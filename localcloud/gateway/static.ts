// Serves the h5 build (dist/h5) with index.html as the fallback for app routes.
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, opts: { noCache?: boolean } = {}): void {
  const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname)
  let file = path.normalize(path.join(root, urlPath))
  if (!file.startsWith(path.normalize(root))) {
    res.writeHead(403).end()
    return
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('h5 尚未构建：请先运行 npm run build:h5')
    return
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': opts.noCache || file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  })
  createReadStream(file).pipe(res)
}
