// `npm start`: installs what is missing, builds the h5 app and the cloud functions, starts the local
// cloud (seeded with the 2026 week when empty) and prints the URL.
import { ensureDeps, run } from './setup.mjs'

ensureDeps()
process.exit(run(`npx tsx localcloud/scripts/serve.ts ${process.argv.slice(2).join(' ')}`))
