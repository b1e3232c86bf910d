export { demandControlPlugin } from './plugin';
export { readDemandControl, type DemandControlConfig } from './config';
