export { createExplorerRouter, type ExplorerOptions } from './router';
export { loadExamples, parseExample, ExampleError } from './examples';
export { type ExplorerClientConfig } from './tabs';
export { explorerOptionsFor, sandboxDemoCredentials, DEMO_CUSTOMER_PIN } from './for-gateway';
export { EXPLORER_ASSETS } from './paths';
export { escapeHtml } from './page';
