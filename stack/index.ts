/** The whole graph in one process: `npm start` and the end-to-end tests use this. */
export { startStack, type RunningStack, type StackOverrides } from './start-stack';
export { loadStackConfig } from './stack-config';
