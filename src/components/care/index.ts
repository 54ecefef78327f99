export { CareToggle } from './CareToggle'
export { useCareMode, type CareMode } from './useCareMode'
export { setCare, getCareState } from './careMode'
