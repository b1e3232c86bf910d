export { runWorkers } from './run-workers';
