import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { listSize } from '../../kit';
import { CACHE_NOTE, CLOCK_CACHE, CLOCK_NOTE, DIRECTORY_CACHE } from '../cache-hints';
import type { OfficesContext } from '../context';
import type { Hotline as HotlineRecord } from '../directory/directory';
import { HotlineScope, SupportDepartment } from '../directory/directory.enums';
import { OpeningPeriod, openingPeriods } from '../hours/opening-period.type';
import { Hotline } from './hotline.type';
import { DIRECTORY_LIST_ASSUMED, OPENING_PERIODS_ASSUMED } from '../list-sizes';

@Resolver(() => Hotline)
export class HotlineResolver {
  @Directive(DIRECTORY_CACHE)
  @Directive(listSize({ assumedSize: DIRECTORY_LIST_ASSUMED }))
  @Query(() => [Hotline], { description: `JD hotlines in source order, narrowed by every filter given. ${CACHE_NOTE}` })
  hotlines(
    @Ctx() ctx: OfficesContext,
    @Arg('department', () => SupportDepartment, { nullable: true, description: 'Only hotlines of this team.' })
    department?: SupportDepartment | null,
    @Arg('scope', () => HotlineScope, { nullable: true, description: 'Only DOMESTIC (mainland China) or INTERNATIONAL numbers.' })
    scope?: HotlineScope | null,
  ): HotlineRecord[] {
    return ctx.directory.findHotlines({ department, scope });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Hours exactly as printed (e.g. "24/7", "Mon–Sun, 8:00 AM – 11:00 PM"); null when the source gives no hours.',
  })
  hoursDescription(@Root() hotline: HotlineRecord): string | null {
    return hotline.hours;
  }

  @Directive(listSize({ assumedSize: OPENING_PERIODS_ASSUMED }))
  @FieldResolver(() => [OpeningPeriod], {
    nullable: true,
    description: 'Hours parsed into local periods in `timeZone` (24/7 is 00:00–24:00 every day); null when the source gives no hours.',
  })
  weeklyHours(@Root() hotline: HotlineRecord): OpeningPeriod[] | null {
    return hotline.schedule ? openingPeriods(hotline.schedule) : null;
  }

  @Directive(CLOCK_CACHE)
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: `Whether the line is staffed at the moment of the request; null when the source gives no hours. ${CLOCK_NOTE}`,
  })
  openNow(@Root() hotline: HotlineRecord, @Ctx() ctx: OfficesContext): boolean | null {
    return hotline.schedule ? hotline.schedule.openAt(ctx.now()) : null;
  }
}
