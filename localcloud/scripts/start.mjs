// `npm start`: installs what is missing, builds the h5 app and the cloud functions, starts the local
// cloud (seeded when empty with the 2026 weeks, moved around today when today is outside them) and
// prints the URL.
import { ensureDeps, run } from './setup.mjs'

ensureDeps()
process.exit(run(`npx tsx localcloud/scripts/serve.ts ${process.argv.slice(2).join(' ')}`))
