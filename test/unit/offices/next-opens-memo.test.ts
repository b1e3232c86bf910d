import { DateTime } from 'luxon';
import { parseHours } from '../../../subgraphs/offices/hours/parse-hours';
import type { WeeklySchedule } from '../../../subgraphs/offices/hours/weekly-schedule';

// WeeklySchedule remembers its last nextOpensAt / openAt answers; these check the memos never change an answer.
const HOURS: [string, string][] = [
  ['Mon–Fri, 9:31 AM – 6:00 PM PST', 'America/Los_Angeles'],
  ['Mon–Fri, 9:00 AM – 6:00 PM PST', 'America/Los_Angeles'],
  ['21:00 Sunday to 6:00 Friday (EST time)', 'America/New_York'],
  ['Sun–Thu, 9:00 AM – 5:00 PM GST', 'Asia/Dubai'],
];
const HOUR = 3_600_000;
const computeCalls = (s: WeeklySchedule) =>
  jest.spyOn(s as unknown as { computeNextOpensAt(from: Date): Date | null }, 'computeNextOpensAt');

describe('WeeklySchedule.nextOpensAt memo', () => {
  it.each(HOURS)("%s: every answer equals a fresh schedule's, forwards, backwards and across DST (%s)", (text, zone) => {
    const memo = parseHours(text, zone);
    // Hour by hour through March 2025 (US DST starts 9 March), then some steps back in time.
    const instants: number[] = [];
    for (let t = Date.parse('2025-03-01T00:00:00Z'); t < Date.parse('2025-03-20T00:00:00Z'); t += HOUR + 7 * 60_000) instants.push(t);
    instants.push(Date.parse('2025-03-02T10:00:00Z'), Date.parse('2025-01-05T03:00:00Z'), Date.parse('2025-03-15T12:00:00Z'));
    for (const t of instants) {
      const fresh = parseHours(text, zone).nextOpensAt(new Date(t));
      expect([new Date(t).toISOString(), memo.nextOpensAt(new Date(t))?.toISOString()]).toEqual([
        new Date(t).toISOString(),
        fresh?.toISOString(),
      ]);
    }
  });

  it('recomputes only when `from` leaves [last from, last answer)', () => {
    const s = parseHours('Mon–Fri, 9:00 AM – 6:00 PM PST', 'America/Los_Angeles');
    const spy = computeCalls(s);
    const first = s.nextOpensAt(new Date('2025-03-08T12:00:00Z')); // Saturday → Monday 09:00 PDT
    expect(first?.toISOString()).toBe('2025-03-10T16:00:00.000Z');
    s.nextOpensAt(new Date('2025-03-09T12:00:00Z'));
    s.nextOpensAt(new Date('2025-03-10T15:59:59.999Z'));
    expect(spy).toHaveBeenCalledTimes(1);
    // At the opening itself the answer moves on to Tuesday; before the last `from` it is computed afresh.
    expect(s.nextOpensAt(new Date('2025-03-10T16:00:00Z'))?.toISOString()).toBe('2025-03-11T16:00:00.000Z');
    expect(s.nextOpensAt(new Date('2025-03-10T12:00:00Z'))?.toISOString()).toBe('2025-03-10T16:00:00.000Z');
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('hands out a copy: changing a returned Date does not change later answers', () => {
    const s = parseHours('Mon–Fri, 9:00 AM – 6:00 PM PST', 'America/Los_Angeles');
    s.nextOpensAt(new Date('2025-03-08T12:00:00Z'))!.setTime(0);
    expect(s.nextOpensAt(new Date('2025-03-08T13:00:00Z'))?.toISOString()).toBe('2025-03-10T16:00:00.000Z');
  });
});

describe('WeeklySchedule.nextOpensAtIso', () => {
  it('is nextOpensAt written in the zone with its offset, formatted once per answer', () => {
    const s = parseHours('Mon–Fri, 9:00 AM – 6:00 PM PST', 'America/Los_Angeles');
    expect(s.nextOpensAtIso(new Date('2025-03-08T12:00:00Z'))).toBe('2025-03-10T09:00:00-07:00');
    const fromJSDate = jest.spyOn(DateTime, 'fromJSDate');
    expect(s.nextOpensAtIso(new Date('2025-03-09T12:00:00Z'))).toBe('2025-03-10T09:00:00-07:00');
    expect(fromJSDate).not.toHaveBeenCalled();
    expect(s.nextOpensAtIso(new Date('2025-03-10T16:00:00Z'))).toBe('2025-03-11T09:00:00-07:00');
    expect(parseHours('available 24/7', 'Asia/Shanghai').nextOpensAtIso(new Date('2025-03-10T16:00:00Z'))).toBeNull();
    fromJSDate.mockRestore();
  });
});

describe('WeeklySchedule.openAt memo (one UTC minute)', () => {
  const computeOpenAt = (s: WeeklySchedule) => jest.spyOn(s as unknown as { computeOpenAt(i: Date): boolean }, 'computeOpenAt');

  it.each(HOURS)("%s: every answer equals a fresh schedule's, second by second around openings and DST (%s)", (text, zone) => {
    const memo = parseHours(text, zone);
    const around = [
      '2025-03-10T16:30:00Z',
      '2025-03-10T16:31:00Z',
      '2025-03-10T16:00:00Z',
      '2025-03-11T01:00:00Z',
      '2025-03-10T02:00:00Z',
      '2025-03-09T10:00:00Z',
      '2025-03-06T05:00:00Z',
      '2025-03-06T13:00:00Z',
    ];
    for (const iso of around) {
      for (let t = Date.parse(iso) - 90_000; t < Date.parse(iso) + 90_000; t += 7_500) {
        expect([new Date(t).toISOString(), memo.openAt(new Date(t))]).toEqual([
          new Date(t).toISOString(),
          parseHours(text, zone).openAt(new Date(t)),
        ]);
      }
    }
  });

  it('asks luxon once per UTC minute, and never memoises before 1973', () => {
    const s = parseHours('Mon–Fri, 9:00 AM – 6:00 PM PST', 'America/Los_Angeles');
    const spy = computeOpenAt(s);
    expect(s.openAt(new Date('2025-03-10T15:59:00Z'))).toBe(false);
    expect(s.openAt(new Date('2025-03-10T15:59:59.999Z'))).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(s.openAt(new Date('2025-03-10T16:00:00Z'))).toBe(true); // Mon 09:00 PDT, a new minute
    expect(spy).toHaveBeenCalledTimes(2);
    s.openAt(new Date('2025-03-10T16:01:00Z'));
    expect(spy).toHaveBeenCalledTimes(3);
    s.openAt(new Date('1970-01-05T17:00:00Z'));
    s.openAt(new Date('1970-01-05T17:00:30Z'));
    expect(spy).toHaveBeenCalledTimes(5);
  });
});
