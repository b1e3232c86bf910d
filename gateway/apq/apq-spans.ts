import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import { redisSpan } from '../../telemetry';

/** The APQ store over Redis with each lookup, registration and removal traced (`redis GET`, `redis SET`, `redis DEL`). */
export class TracedKeyvAdapter extends KeyvAdapter<string> {
  override get(key: string): Promise<string | undefined> {
    return redisSpan('apq', 'GET', 1, () => super.get(key));
  }

  override set(key: string, value: string, opts?: Parameters<KeyvAdapter<string>['set']>[2]): Promise<void> {
    return redisSpan('apq', 'SET', 1, () => super.set(key, value, opts));
  }

  override delete(key: string): Promise<boolean> {
    return redisSpan('apq', 'DEL', 1, () => super.delete(key));
  }
}
