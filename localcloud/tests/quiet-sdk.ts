// Runs before every test file. wx-server-sdk's client warns on the console when a request takes
// over 3 s (a fixed timer per request). In the local cloud that is a rush queueing in one process,
// or a request a fault test killed on purpose, whose timer then fires after its file has finished:
// Jest counts such a late log as a failure of the run (exit status 1 with every test passed). The
// warning says nothing here, so it is dropped; every other console output is kept.
const SLOW_REQUEST_WARNING = '[TCB][WARN] Your current request '
const warn = console.warn.bind(console)
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith(SLOW_REQUEST_WARNING)) return
  warn(...args)
}
