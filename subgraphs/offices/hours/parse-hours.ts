import { WEEKDAYS, WeeklySchedule, type DaySegment, type Weekday } from './weekly-schedule';
import { ZONE_BY_ABBREVIATION } from './zone-abbreviations';

/** Thrown for an hours string the parser does not understand or whose zone contradicts the entry's zone. */
export class HoursParseError extends Error {}

const SHORT_DAYS: Record<string, Weekday> = {
  mon: 'MONDAY',
  tue: 'TUESDAY',
  wed: 'WEDNESDAY',
  thu: 'THURSDAY',
  fri: 'FRIDAY',
  sat: 'SATURDAY',
  sun: 'SUNDAY',
};
const DASH = '[–—-]';
// "Mon–Fri, 9:00 AM – 6:00 PM PST" (the zone is optional: the China hotlines state none)
const DAY_RANGE = new RegExp(
  `^(\\w{3})\\s*${DASH}\\s*(\\w{3}),\\s*(\\d{1,2}:\\d{2}\\s*[AP]M)\\s*${DASH}\\s*(\\d{1,2}:\\d{2}\\s*[AP]M)(?:\\s+([A-Z]{2,4}))?$`,
  'i',
);
// "21:00 Sunday to 6:00 Friday (EST time)": one continuous window that may wrap the week
const SPAN = /^(\d{1,2}:\d{2})\s+(\w+day)\s+to\s+(\d{1,2}:\d{2})\s+(\w+day)\s*\(?\s*([A-Z]{2,4})(?:\s+time)?\s*\)?$/i;
const ALWAYS = /^(?:available\s+)?24\/7$/i;

/** Parses one of the directory's hours strings (as JD prints them) into a weekly schedule in `timeZone` (the entry's IANA zone). */
export function parseHours(text: string, timeZone: string): WeeklySchedule {
  const trimmed = text.trim();
  if (ALWAYS.test(trimmed))
    return new WeeklySchedule(
      timeZone,
      WEEKDAYS.map((day) => ({ day, opens: 0, closes: 1440 })),
    );
  const range = DAY_RANGE.exec(trimmed);
  if (range) {
    checkZone(range[5], timeZone, text);
    const opens = clock12(range[3], text);
    const closes = clock12(range[4], text);
    if (closes <= opens) throw new HoursParseError(`hours "${text}": closing time must be after opening time`);
    return new WeeklySchedule(
      timeZone,
      dayRange(shortDay(range[1], text), shortDay(range[2], text)).map((day) => ({ day, opens, closes })),
    );
  }
  const span = SPAN.exec(trimmed);
  if (span) {
    checkZone(span[5], timeZone, text);
    const start = WEEKDAYS.indexOf(longDay(span[2], text)) * 1440 + clock24(span[1], text);
    const end = WEEKDAYS.indexOf(longDay(span[4], text)) * 1440 + clock24(span[3], text);
    return new WeeklySchedule(timeZone, splitWeekSpan(start, end));
  }
  throw new HoursParseError(
    `hours "${text}": not a recognised format (expected "Mon–Fri, 9:00 AM – 6:00 PM PST", "21:00 Sunday to 6:00 Friday (EST time)" or "24/7")`,
  );
}

function checkZone(abbreviation: string | undefined, timeZone: string, text: string): void {
  if (abbreviation === undefined) return;
  const zone = ZONE_BY_ABBREVIATION[abbreviation.toUpperCase()];
  if (!zone) throw new HoursParseError(`hours "${text}": unknown time-zone abbreviation "${abbreviation}"`);
  if (zone !== timeZone)
    throw new HoursParseError(`hours "${text}": ${abbreviation} means ${zone}, but the entry's timeZone is ${timeZone}`);
}

function shortDay(token: string, text: string): Weekday {
  const day = SHORT_DAYS[token.toLowerCase()];
  if (!day) throw new HoursParseError(`hours "${text}": unknown day "${token}"`);
  return day;
}

function longDay(token: string, text: string): Weekday {
  const day = WEEKDAYS.find((d) => d === token.toUpperCase());
  if (!day) throw new HoursParseError(`hours "${text}": unknown day "${token}"`);
  return day;
}

// Inclusive and wrapping: Sun–Thu is Sunday, Monday … Thursday.
function dayRange(first: Weekday, last: Weekday): Weekday[] {
  const days: Weekday[] = [];
  for (let i = WEEKDAYS.indexOf(first); ; i = (i + 1) % 7) {
    days.push(WEEKDAYS[i]);
    if (WEEKDAYS[i] === last) return days;
  }
}

function clock12(token: string, text: string): number {
  const m = /^(\d{1,2}):(\d{2})\s*([AP])M$/i.exec(token.trim());
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12 || Number(m[2]) > 59) throw new HoursParseError(`hours "${text}": bad time "${token}"`);
  const hour = (Number(m[1]) % 12) + (m[3].toUpperCase() === 'P' ? 12 : 0);
  return hour * 60 + Number(m[2]);
}

function clock24(token: string, text: string): number {
  const [h, m] = token.split(':').map(Number);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) throw new HoursParseError(`hours "${text}": bad time "${token}"`);
  return h * 60 + m;
}

// Cuts a start→end span (minutes from Monday 00:00, wrapping past Sunday) into per-day segments.
function splitWeekSpan(start: number, end: number): DaySegment[] {
  const length = (end - start + 10080) % 10080 || 10080;
  const segments: DaySegment[] = [];
  for (let at = start; at < start + length;) {
    const dayStart = Math.floor(at / 1440) * 1440;
    const stop = Math.min(dayStart + 1440, start + length);
    segments.push({ day: WEEKDAYS[(dayStart / 1440) % 7], opens: at - dayStart, closes: stop - dayStart });
    at = stop;
  }
  return segments;
}
