import { formatShanghai, parseShanghai } from '../../jd/protocol';

describe('Asia/Shanghai wall-clock strings', () => {
  it('formats an instant as JD does, with and without milliseconds', () => {
    const instant = new Date('2024-01-01T19:04:05.007Z');
    expect(formatShanghai(instant)).toBe('2024-01-02 03:04:05');
    expect(formatShanghai(instant, true)).toBe('2024-01-02 03:04:05.007+0800');
  });

  it('parses both SDK timestamp forms back to the same instant', () => {
    expect(parseShanghai('2024-01-02 03:04:05')?.toISOString()).toBe('2024-01-01T19:04:05.000Z');
    expect(parseShanghai('2024-01-02 03:04:05.007+0800')?.toISOString()).toBe('2024-01-01T19:04:05.007Z');
  });

  it('rejects malformed and impossible dates', () => {
    expect(parseShanghai('2024-02-31 00:00:00')).toBeNull();
    expect(parseShanghai('2024/01/02 03:04:05')).toBeNull();
    expect(parseShanghai('')).toBeNull();
  });
});
