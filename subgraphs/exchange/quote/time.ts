import { shanghaiToIso } from '../../kit';
import { formatShanghai } from '../../../jd/protocol';

/** An instant as ISO-8601 with the +08:00 Asia/Shanghai offset, like every JD time in the graph. */
export function isoShanghai(epochMs: number): string {
  return shanghaiToIso(formatShanghai(new Date(epochMs), true));
}
