export { WriteEpochs } from './write-epochs';
export { shareIdenticalOperations } from './shared-operations';
export { withWrappedExecutor } from './sharing-gateway';
