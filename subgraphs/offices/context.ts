import type { BaseContext } from '../kit';
import type { Directory } from './directory/directory';

/** What every offices resolver receives: the identity (any, even anonymous), the directory and a clock. */
export interface OfficesContext extends BaseContext {
  directory: Directory;
  /** The current instant; injectable so tests can fix time. */
  now(): Date;
}

/** Per request: the shared, immutable directory loaded once at start-up. */
export function createOfficesContext(base: BaseContext, directory: Directory, now: () => Date = () => new Date()): OfficesContext {
  return { ...base, directory, now };
}
