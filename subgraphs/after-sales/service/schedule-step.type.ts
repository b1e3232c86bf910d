import { Directive, Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../kit';

// Cached as long as the service that lists it.
@Directive('@cacheControl(inheritMaxAge: true)')
@ObjectType({
  description:
    'One milestone in the handling of a service, like a parcel-tracking event. From JD `jingdong.afsservice.service.schedule.get`.',
})
export class ScheduleStep {
  @Field({ description: 'What happened, in JD\'s words (e.g. "Review Approved").' })
  title!: string;

  @Field(() => DateTimeScalar, { description: 'When it happened, ISO-8601 with the Asia/Shanghai offset (+08:00), as JD recorded it.' })
  at!: string;
}
