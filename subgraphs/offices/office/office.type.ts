import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CACHE_NOTE, DIRECTORY_CACHE } from '../cache-hints';
import { SupportRegion } from '../directory/directory.enums';

@Directive('@key(fields: "id")')
@Directive(DIRECTORY_CACHE)
@ObjectType({
  description:
    'A JD regional customer-service office (or the Hong Kong customer-service desk), transcribed from the JD Worldwide Helpline Directory. ' +
    `Anyone may read it, including anonymous callers. ${CACHE_NOTE}`,
})
export class SupportOffice {
  @Field(() => ID, { description: 'Stable kebab-case id, e.g. "los-angeles", "frankfurt", "hong-kong".' })
  id!: string;

  @Field({ description: 'Office name as the directory prints it, e.g. "Los Angeles Office".' })
  name!: string;

  @Field({ description: 'City the directory names the office after. The address may name another city (see `address`).' })
  city!: string;

  @Field(() => SupportRegion, { description: 'Directory region heading the office is listed under.' })
  region!: SupportRegion;

  @Field({
    description: 'Coverage as the directory prints it, e.g. "USA & Canada" (for Hong Kong: the topics its customer service handles).',
  })
  coverage!: string;

  @Field(() => [String], {
    description:
      'ISO 3166-1 alpha-2 codes of the countries this office serves, derived from `coverage`; nearestSupportOffice routes these here.',
  })
  countries!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Postal address exactly as the source prints it (one line). Null when the source gives none (Hong Kong customer service is email-only). ' +
      'The Johannesburg office address is in Cape Town as printed; the discrepancy is recorded in the data file.',
  })
  address!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number as printed, international format with dashes, e.g. "+1-310-555-0198"; null when the office has no phone.',
  })
  phone!: string | null;

  @Field({ description: 'Email address of the office, e.g. "na-support@jd.com".' })
  email!: string;

  @Field(() => [String], {
    description: 'Languages spoken, English names as printed (e.g. "English", "Spanish"); empty when the source states none.',
  })
  languages!: string[];

  @Field({
    description:
      'IANA time zone the weekly hours are stated in, e.g. "America/Los_Angeles"; DST follows the zone. Hong Kong customer service states its hours in US Eastern time (America/New_York).',
  })
  timeZone!: string;

  @Field({ description: 'Opening hours exactly as the source prints them, e.g. "Mon–Fri, 9:00 AM – 6:00 PM PST".' })
  hoursDescription!: string;
}
