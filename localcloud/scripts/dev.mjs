// `npm run dev`: installs what is missing, then runs localcloud/scripts/dev.ts (the local cloud
// serving dist/h5, with the h5 app and the cloud functions rebuilt on change).
import { ensureDeps, run } from './setup.mjs'

ensureDeps()
process.exit(run(`npx tsx localcloud/scripts/dev.ts ${process.argv.slice(2).join(' ')}`))
