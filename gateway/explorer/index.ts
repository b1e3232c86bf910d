export { createExplorerRouter, type ExplorerOptions } from './router';
export { loadExamples, parseExample, ExampleError, type ExampleOperation, type ExampleGroup, type ExampleSources } from './examples';
export { explorerClientConfig, headersFor, type DemoCredentials, type ExplorerClientConfig, type ExplorerTab } from './tabs';
export { contentSecurityPolicy } from './csp';
export { explorerOptionsFor, sandboxDemoCredentials, DEMO_CUSTOMER_PIN } from './for-gateway';
export { EXPLORER_ASSETS } from './paths';
