import { DateTime } from 'luxon';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY = 24 * 60;
const WEEK = 7 * DAY;
const MINUTE_MS = 60_000;
// From 1973 on every IANA zone's UTC offset is whole minutes and changes on a whole UTC minute (the last
// odd offset, Monrovia's -0:44:30, ended in 1972), so one UTC minute is one local wall-clock minute.
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1973, 0, 1);

/** One day's open period in local wall-clock minutes; closes is exclusive and may be 1440 (midnight). */
export interface DaySegment {
  day: Weekday;
  opens: number;
  closes: number;
}

/** Opening hours as weekly wall-clock segments in one IANA zone; luxon applies that zone's DST. */
export class WeeklySchedule {
  /** Starts of contiguous open periods, in minutes from Monday 00:00 (a period may wrap the week). */
  private readonly openings: number[];
  /**
   * The last nextOpensAt answer: `next` stays the answer for every `from` in [from, next), because no
   * opening lies between them. Profiling the directory query showed luxon's zone arithmetic here at
   * ~43% of the whole stack's CPU (every office, every request); the memo makes repeat calls O(1).
   */
  private lastNextOpen?: { from: number; next: Date; iso?: string | null };
  /** The last openAt answer and its UTC minute: openAt only reads the local wall-clock minute (openNow asks per office per request). */
  private lastOpenAt?: { minute: number; open: boolean };

  constructor(
    readonly timeZone: string,
    readonly segments: readonly DaySegment[],
  ) {
    this.openings = openingMinutes(segments);
  }

  get alwaysOpen(): boolean {
    return totalMinutes(this.segments) >= WEEK;
  }

  /** Whether the schedule is open at the instant (judged by the zone's wall clock at that instant). */
  openAt(instant: Date): boolean {
    const ms = instant.getTime();
    const minute = Math.floor(ms / MINUTE_MS);
    if (this.lastOpenAt?.minute === minute) return this.lastOpenAt.open;
    const open = this.computeOpenAt(instant);
    if (ms >= WHOLE_MINUTE_OFFSETS_FROM) this.lastOpenAt = { minute, open };
    return open;
  }

  private computeOpenAt(instant: Date): boolean {
    const local = DateTime.fromJSDate(instant, { zone: this.timeZone });
    const day = WEEKDAYS[local.weekday - 1];
    const minute = local.hour * 60 + local.minute;
    return this.segments.some((s) => s.day === day && s.opens <= minute && minute < s.closes);
  }

  /** The next instant strictly after `from` when a closed period ends; null when always open or never open. */
  nextOpensAt(from: Date): Date | null {
    if (this.alwaysOpen || this.openings.length === 0) return null;
    const at = from.getTime();
    const memo = this.lastNextOpen;
    if (memo && memo.from <= at && at < memo.next.getTime()) return new Date(memo.next);
    const next = this.computeNextOpensAt(from);
    if (next) this.lastNextOpen = { from: at, next: new Date(next) };
    return next;
  }

  /** nextOpensAt written as ISO-8601 in the schedule's own zone and offset (e.g. 2025-03-10T09:00:00-07:00); formatted once per answer. */
  nextOpensAtIso(from: Date): string | null {
    const next = this.nextOpensAt(from);
    if (!next) return null;
    const memo = this.lastNextOpen;
    const format = () => DateTime.fromJSDate(next, { zone: this.timeZone }).toISO({ suppressMilliseconds: true });
    if (memo?.next.getTime() !== next.getTime()) return format();
    if (memo.iso === undefined) memo.iso = format();
    return memo.iso;
  }

  private computeNextOpensAt(from: Date): Date | null {
    const start = DateTime.fromJSDate(from, { zone: this.timeZone }).startOf('week');
    let best: DateTime | null = null;
    for (let week = 0; week <= 1; week++) {
      for (const minute of this.openings) {
        const candidate = localWeekMinute(start.plus({ weeks: week }), minute);
        if (candidate.toMillis() > from.getTime() && (!best || candidate < best)) best = candidate;
      }
    }
    return best ? best.toJSDate() : null;
  }
}

// Wall-clock arithmetic (not plus({minutes})) so a DST change earlier in the week does not shift the time.
function localWeekMinute(monday: DateTime, minuteOfWeek: number): DateTime {
  const days = Math.floor(minuteOfWeek / DAY);
  const rest = minuteOfWeek % DAY;
  return monday.plus({ days }).set({ hour: Math.floor(rest / 60), minute: rest % 60, second: 0, millisecond: 0 });
}

function totalMinutes(segments: readonly DaySegment[]): number {
  return segments.reduce((sum, s) => sum + (s.closes - s.opens), 0);
}

function openingMinutes(segments: readonly DaySegment[]): number[] {
  const ranges = segments
    .map((s) => ({ start: WEEKDAYS.indexOf(s.day) * DAY + s.opens, end: WEEKDAYS.indexOf(s.day) * DAY + s.closes }))
    .sort((a, b) => a.start - b.start);
  const ends = new Set(ranges.map((r) => r.end % WEEK));
  // A segment that starts where another ends (e.g. Monday 00:00 after Sunday 24:00) continues a period.
  return ranges.filter((r) => !ends.has(r.start)).map((r) => r.start);
}
