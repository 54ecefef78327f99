// `npm run format`: Prettier writes every file, stylelint fixes SCSS. `npm run format -- --check` only
// reports what is not formatted (and exits 1 if anything is).
import { ROOT, run } from './setup.mjs'

const check = process.argv.includes('--check')
process.chdir(ROOT)
const prettier = run(`npx prettier ${check ? '--check' : '--write --log-level warn'} .`)
const styles = run(`npx stylelint ${check ? '' : '--fix '}"**/*.scss"`)
process.exit(prettier === 0 && styles === 0 ? 0 : 1)
