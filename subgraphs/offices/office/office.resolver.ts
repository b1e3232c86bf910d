import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DateTimeScalar, listSize } from '../../kit';
import { CACHE_NOTE, CLOCK_CACHE, CLOCK_NOTE, DIRECTORY_CACHE } from '../cache-hints';
import type { OfficesContext } from '../context';
import type { Office } from '../directory/directory';
import { SupportRegion } from '../directory/directory.enums';
import { OpeningPeriod, openingPeriods } from '../hours/opening-period.type';
import { asSupportOffice, type SupportOfficeRecord } from './office.mapper';
import { SupportOffice } from './office.type';
import { DIRECTORY_LIST_ASSUMED, OPENING_PERIODS_ASSUMED } from '../list-sizes';

@Resolver(() => SupportOffice)
export class SupportOfficeResolver {
  @Directive(DIRECTORY_CACHE)
  @Directive(listSize({ assumedSize: DIRECTORY_LIST_ASSUMED }))
  @Query(() => [SupportOffice], {
    description: `Regional support offices in directory order, narrowed by every filter given. ${CACHE_NOTE}`,
  })
  supportOffices(
    @Ctx() ctx: OfficesContext,
    @Arg('region', () => SupportRegion, { nullable: true, description: 'Only offices listed under this region.' })
    region?: SupportRegion | null,
    @Arg('language', () => String, {
      nullable: true,
      description: 'Only offices speaking this language, English name, case-insensitive (e.g. "spanish").',
    })
    language?: string | null,
    @Arg('openAt', () => DateTimeScalar, {
      nullable: true,
      description: "Only offices open at this instant (ISO-8601 with offset), judged by each office's own local time and DST.",
    })
    openAt?: Date | null,
  ): SupportOfficeRecord[] {
    return ctx.directory.findOffices({ region, language, openAt }).map(asSupportOffice);
  }

  @Directive(DIRECTORY_CACHE)
  @Query(() => SupportOffice, { nullable: true, description: `One office by id; null when no office has that id. ${CACHE_NOTE}` })
  supportOffice(
    @Ctx() ctx: OfficesContext,
    @Arg('id', () => ID, { description: 'Office id, e.g. "london".' }) id: string,
  ): SupportOfficeRecord | null {
    const office = ctx.directory.office(id);
    return office ? asSupportOffice(office) : null;
  }

  @Directive(listSize({ assumedSize: OPENING_PERIODS_ASSUMED }))
  @FieldResolver(() => [OpeningPeriod], {
    description: 'Weekly opening hours parsed from `hoursDescription`, local wall-clock time in `timeZone`, Monday first.',
  })
  weeklyHours(@Root() office: Office): OpeningPeriod[] {
    return openingPeriods(office.schedule);
  }

  @Directive(CLOCK_CACHE)
  @FieldResolver(() => Boolean, { description: `Whether the office is open at the moment of the request. ${CLOCK_NOTE}` })
  openNow(@Root() office: Office, @Ctx() ctx: OfficesContext): boolean {
    return office.schedule.openAt(ctx.now());
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the office is open at the given instant, judged by its local time (DST included).',
  })
  openAt(
    @Root() office: Office,
    @Arg('instant', () => DateTimeScalar, { description: 'The instant to check, ISO-8601 with offset, e.g. "2025-03-10T09:30:00-07:00".' })
    instant: Date,
  ): boolean {
    return office.schedule.openAt(instant);
  }

  @Directive(CLOCK_CACHE)
  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description: `When the office next opens after the moment of the request, as ISO-8601 with the office's own UTC offset at that moment (e.g. 2025-03-10T09:00:00-07:00 for Los Angeles in PDT); if it is open now, the start of its next opening after this one. Null when it is open 24/7 or has no hours. ${CLOCK_NOTE}`,
  })
  nextOpensAt(@Root() office: Office, @Ctx() ctx: OfficesContext): string | null {
    // The same instant, written in the office's zone (schedule.timeZone) so a partner reads the local
    // opening time directly; the schedule formats it once per answer, not once per request.
    return office.schedule.nextOpensAtIso(ctx.now());
  }
}
