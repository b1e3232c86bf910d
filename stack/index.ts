/** The whole graph in one process: `npm start` and the end-to-end tests use this. */
export { startStack, type RunningStack, type StackOverrides, type SubgraphName } from './start-stack';
export { loadStackConfig, type StackConfig, type StackPorts } from './stack-config';
