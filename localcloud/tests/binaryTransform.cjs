// Jest's stand-in for esbuild's binary loader (localcloud/scripts/build-functions.ts): an imported
// font file becomes its bytes, so tests can import the sources that embed one.
module.exports = {
  process(_source, filename) {
    return { code: `module.exports = require('node:fs').readFileSync(${JSON.stringify(filename)})` }
  },
}
