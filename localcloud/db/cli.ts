// `npm run localcloud:db -- --port N --data DIR`: runs the local database server until SIGINT or
// SIGTERM. Prints exactly one line, LOCALCLOUD_DB_URL=<url>, once it accepts requests.
import path from 'node:path'
import { startDbServer } from './server'

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2)
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1]
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3)
  }
  return undefined
}

async function main(): Promise<void> {
  const portText = arg('port') ?? '0'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${portText}`)
  const dataDir = path.resolve(arg('data') ?? '.data/localcloud')
  const host = arg('host')
  const server = await startDbServer({ port, dataDir, host })
  process.stdout.write(`LOCALCLOUD_DB_URL=${server.url}\n`)
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.close().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`[localcloud:db] close failed: ${String(err)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  process.stderr.write(`[localcloud:db] ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
