import Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import { LruMap } from '../../shared-state';
import { TracedKeyvAdapter } from './apq-spans';

export interface ApqCache {
  cache: KeyvAdapter<string>;
  close(): Promise<void>;
}

/** APQ store: in memory by default, Redis when a URL is given so replicas share registrations. */
export function createApqCache(redisUrl?: string, namespace = 'jd-gateway-apq'): ApqCache {
  const keyv = redisUrl
    ? new Keyv<string>({ store: new KeyvRedis(redisUrl), namespace })
    : new Keyv<string>({ store: new LruMap<string, unknown>(10_000), namespace });
  return { cache: redisUrl ? new TracedKeyvAdapter(keyv) : new KeyvAdapter(keyv), close: () => keyv.disconnect() };
}
