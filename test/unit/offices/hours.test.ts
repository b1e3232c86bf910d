import { parseHours, HoursParseError } from '../../../subgraphs/offices/hours/parse-hours';

const at = (iso: string) => new Date(iso);

describe('parseHours', () => {
  it('reads a weekday range with a 12-hour clock into local segments', () => {
    const s = parseHours('Mon–Fri, 9:00 AM – 6:00 PM PST', 'America/Los_Angeles');
    expect(s.segments).toHaveLength(5);
    expect(s.segments[0]).toEqual({ day: 'MONDAY', opens: 540, closes: 1080 });
    expect(s.segments.map((x) => x.day)).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY']);
  });

  it('wraps Sun–Thu and includes Saturday for Mon–Sat', () => {
    expect(parseHours('Sun–Thu, 9:00 AM – 5:00 PM GST', 'Asia/Dubai').segments.map((x) => x.day)).toEqual([
      'SUNDAY',
      'MONDAY',
      'TUESDAY',
      'WEDNESDAY',
      'THURSDAY',
    ]);
    expect(parseHours('Mon–Sat, 9:00 AM – 7:00 PM SGT', 'Asia/Singapore').segments.map((x) => x.day)).toContain('SATURDAY');
  });

  it('reads 24/7 as always open with no next opening', () => {
    const s = parseHours('available 24/7', 'Asia/Shanghai');
    expect(s.alwaysOpen).toBe(true);
    expect(s.openAt(at('2025-01-01T03:00:00Z'))).toBe(true);
    expect(s.nextOpensAt(at('2025-01-01T03:00:00Z'))).toBeNull();
  });

  it('splits the Sunday-to-Friday window into per-day segments that wrap the week', () => {
    const s = parseHours('21:00 Sunday to 6:00 Friday (EST time)', 'America/New_York');
    expect(s.segments).toEqual([
      { day: 'SUNDAY', opens: 1260, closes: 1440 },
      { day: 'MONDAY', opens: 0, closes: 1440 },
      { day: 'TUESDAY', opens: 0, closes: 1440 },
      { day: 'WEDNESDAY', opens: 0, closes: 1440 },
      { day: 'THURSDAY', opens: 0, closes: 1440 },
      { day: 'FRIDAY', opens: 0, closes: 360 },
    ]);
  });

  it('rejects an abbreviation that contradicts the zone, unknown abbreviations and unknown formats', () => {
    expect(() => parseHours('Mon–Fri, 9:00 AM – 5:00 PM GMT', 'Europe/Berlin')).toThrow(
      /GMT means Europe\/London, but the entry's timeZone is Europe\/Berlin/,
    );
    expect(() => parseHours('Mon–Fri, 9:00 AM – 5:00 PM XYZ', 'Europe/Berlin')).toThrow(/unknown time-zone abbreviation "XYZ"/);
    expect(() => parseHours('weekdays, office hours', 'Europe/Berlin')).toThrow(HoursParseError);
    expect(() => parseHours('Mon–Fri, 6:00 PM – 9:00 AM CET', 'Europe/Berlin')).toThrow(/closing time must be after opening time/);
  });
});

describe('DST at fixed instants', () => {
  const la = parseHours('Mon–Fri, 9:00 AM – 6:00 PM PST', 'America/Los_Angeles');
  const london = parseHours('Mon–Fri, 9:00 AM – 5:00 PM GMT', 'Europe/London');
  const frankfurt = parseHours('Mon–Fri, 9:00 AM – 5:00 PM CET', 'Europe/Berlin');

  it('Los Angeles: 09:00 is 17:00Z under PST and 16:00Z under PDT (change on 2025-03-09)', () => {
    expect(la.openAt(at('2025-03-07T16:30:00Z'))).toBe(false); // Fri 08:30 PST
    expect(la.openAt(at('2025-03-07T17:00:00Z'))).toBe(true); // Fri 09:00 PST
    expect(la.openAt(at('2025-03-10T16:30:00Z'))).toBe(true); // Mon 09:30 PDT
    expect(la.openAt(at('2025-03-11T01:00:00Z'))).toBe(false); // Mon 18:00 PDT, closed (exclusive)
    expect(la.nextOpensAt(at('2025-03-08T12:00:00Z'))?.toISOString()).toBe('2025-03-10T16:00:00.000Z');
  });

  it('London: GMT before 2025-03-30, BST after', () => {
    expect(london.openAt(at('2025-03-28T08:30:00Z'))).toBe(false); // Fri 08:30 GMT
    expect(london.openAt(at('2025-03-31T08:30:00Z'))).toBe(true); // Mon 09:30 BST
    expect(london.openAt(at('2025-03-31T16:30:00Z'))).toBe(false); // Mon 17:30 BST
    expect(london.nextOpensAt(at('2025-03-29T12:00:00Z'))?.toISOString()).toBe('2025-03-31T08:00:00.000Z');
  });

  it('Frankfurt: CEST before 2025-10-26, CET after', () => {
    expect(frankfurt.openAt(at('2025-10-24T07:30:00Z'))).toBe(true); // Fri 09:30 CEST
    expect(frankfurt.openAt(at('2025-10-27T07:30:00Z'))).toBe(false); // Mon 08:30 CET
    expect(frankfurt.openAt(at('2025-10-27T08:30:00Z'))).toBe(true); // Mon 09:30 CET
    expect(frankfurt.nextOpensAt(at('2025-10-24T16:00:00Z'))?.toISOString()).toBe('2025-10-27T08:00:00.000Z');
  });
});

describe('the Sunday-to-Friday wrap (America/New_York)', () => {
  const hk = parseHours('21:00 Sunday to 6:00 Friday (EST time)', 'America/New_York');

  it('is closed on Saturday and opens Sunday 21:00 local (EST in winter, EDT in summer)', () => {
    expect(hk.openAt(at('2025-01-11T15:00:00Z'))).toBe(false); // Sat 10:00 EST
    expect(hk.openAt(at('2025-01-13T01:59:00Z'))).toBe(false); // Sun 20:59 EST
    expect(hk.openAt(at('2025-01-13T02:00:00Z'))).toBe(true); // Sun 21:00 EST
    expect(hk.openAt(at('2025-07-14T01:00:00Z'))).toBe(true); // Sun 21:00 EDT
    expect(hk.nextOpensAt(at('2025-01-11T15:00:00Z'))?.toISOString()).toBe('2025-01-13T02:00:00.000Z');
    expect(hk.nextOpensAt(at('2025-07-12T15:00:00Z'))?.toISOString()).toBe('2025-07-14T01:00:00.000Z');
  });

  it('stays open across midnights and closes Friday 06:00', () => {
    expect(hk.openAt(at('2025-01-15T05:00:00Z'))).toBe(true); // Wed 00:00 EST
    expect(hk.openAt(at('2025-01-17T10:59:00Z'))).toBe(true); // Fri 05:59 EST
    expect(hk.openAt(at('2025-01-17T11:00:00Z'))).toBe(false); // Fri 06:00 EST
  });

  it('has one opening a week (Monday 00:00 continues Sunday night), so nextOpensAt while open is next Sunday', () => {
    expect(hk.nextOpensAt(at('2025-01-14T12:00:00Z'))?.toISOString()).toBe('2025-01-20T02:00:00.000Z');
  });

  it('handles the DST switch inside the window (2025-03-09 is a Sunday in New York)', () => {
    expect(hk.openAt(at('2025-03-10T12:00:00Z'))).toBe(true); // Mon 08:00 EDT
    expect(hk.nextOpensAt(at('2025-03-08T12:00:00Z'))?.toISOString()).toBe('2025-03-10T01:00:00.000Z'); // Sun 21:00 EDT
  });
});
