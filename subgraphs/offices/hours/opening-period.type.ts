import { Directive, Field, ObjectType } from 'type-graphql';
import { DIRECTORY_CACHE } from '../cache-hints';
import { Weekday } from '../directory/directory.enums';
import type { WeeklySchedule } from './weekly-schedule';

@Directive(DIRECTORY_CACHE)
@ObjectType({
  description:
    "One day's open period in local wall-clock time of the owning entry's `timeZone`. A window across midnight is split into one period per day.",
})
export class OpeningPeriod {
  @Field(() => Weekday, { description: 'Day of the week, local to the time zone.' })
  day!: Weekday;

  @Field({ description: 'Opening time, 24-hour "HH:MM" local time, e.g. "09:00".' })
  opensAt!: string;

  @Field({ description: 'Closing time (exclusive), 24-hour "HH:MM" local time, e.g. "18:00"; "24:00" means open until midnight.' })
  closesAt!: string;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The schedule's segments as GraphQL periods ("09:00"–"18:00"). */
export function openingPeriods(schedule: WeeklySchedule): OpeningPeriod[] {
  return schedule.segments.map((s) => ({ day: s.day as Weekday, opensAt: hhmm(s.opens), closesAt: hhmm(s.closes) }));
}
