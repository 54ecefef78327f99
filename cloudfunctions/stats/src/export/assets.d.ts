// Font files imported as their bytes: esbuild's binary loader in the bundle (build-functions.ts),
// localcloud/tests/binaryTransform.cjs under jest.
declare module '*.otf' {
  const bytes: Uint8Array
  export default bytes
}
