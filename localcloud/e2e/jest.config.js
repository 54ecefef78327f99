// Browser tests of the h5 build (dist/h5) in Debian's Chromium, against a fresh seeded local cloud.
const path = require('node:path')
const base = require('../../package.json').jest

module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, '..', '..'),
  roots: ['<rootDir>/localcloud/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
}
