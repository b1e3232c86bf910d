/** Gateway spans: the request (server span) and Apollo Server's phases; subgraph fetches are traced in subgraph-transport. */
export { requestSpan, requestSpanOf } from './request-span';
export { tracingPlugin } from './tracing-plugin';
