import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CACHE_NOTE, DIRECTORY_CACHE } from '../cache-hints';
import { HotlineScope, SupportDepartment } from '../directory/directory.enums';

@Directive(DIRECTORY_CACHE)
@ObjectType({ description: `A JD telephone hotline, transcribed from the source. Anyone may read it. ${CACHE_NOTE}` })
export class Hotline {
  @Field(() => ID, { description: 'Stable kebab-case id, e.g. "global-customer-support".' })
  id!: string;

  @Field(() => SupportDepartment, { description: 'The team the number reaches.' })
  department!: SupportDepartment;

  @Field({ description: 'The heading the source lists the number under, verbatim.' })
  label!: string;

  @Field({ description: 'Number as printed: "400-606-5500" (dial within mainland China) or "+86-10-5765-6666" (international format).' })
  number!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when the source calls the number toll-free (free from Chinese landlines and mobiles), false when it is a charged line; null when the source does not say.',
  })
  tollFree!: boolean | null;

  @Field(() => HotlineScope, { description: 'Where the number can be dialled from.' })
  scope!: HotlineScope;

  @Field(() => [String], { description: 'Languages served, English names as printed; empty when the source states none.' })
  languages!: string[];

  @Field({
    description: 'IANA time zone the hours are stated in; China hotlines state none and are read as China Standard Time (Asia/Shanghai).',
  })
  timeZone!: string;

  @Field(() => String, { nullable: true, description: 'Named contact person for the line (the media contact); null for team hotlines.' })
  contactPerson!: string | null;
}
