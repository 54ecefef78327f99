// Actions whose implementation is being written (issue 17): they answer INTERNAL until then.
// Each is replaced by its own module; this file goes when the last one is.
export function notBuilt(name: string) {
  return async (): Promise<never> => {
    throw new Error(`stars.${name} is not built yet`)
  }
}
