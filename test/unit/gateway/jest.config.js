/** Root jest config plus a transform for jose 6, which ships ESM only (jest cannot require ESM
 *  before Node 24.9). Fold these two settings into /jest.config.js and this file can go. */
const path = require('node:path');
const root = require('../../../jest.config.js');
const swc = root.transform['^.+\\.ts$'];
module.exports = {
  ...root,
  rootDir: path.resolve(__dirname, '../../..'),
  transform: { ...root.transform, '^.+/node_modules/jose/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
};
