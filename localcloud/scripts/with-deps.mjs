// Installs npm packages when missing (for npm scripts that may run first on a fresh machine).
import { ensureDeps } from './setup.mjs'
ensureDeps()
