export * from './methods';
export * from './orders';
export * from './after-sales';
export * from './catalog';
export * from './system-errors';
export * from './system-params';
export * from './shanghai-time';
export * from './money';
