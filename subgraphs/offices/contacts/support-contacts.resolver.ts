import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../kit';
import { CACHE_NOTE, DIRECTORY_CACHE } from '../cache-hints';
import type { OfficesContext } from '../context';
import { InvalidCountryCodeError, nearestSupportContacts } from '../routing/nearest-contacts';
import { asSupportContacts } from './contacts.mapper';
import { SupportContacts } from './support-contacts.type';

@Resolver(() => SupportContacts)
export class SupportContactsResolver {
  @Directive(DIRECTORY_CACHE)
  @Query(() => SupportContacts, {
    description:
      'The support hub for a country. US/CA → Los Angeles; GB and western/northern/southern EU → London; DE/AT/CH and Central Europe → Frankfurt; ' +
      'Southeast Asia → Singapore; JP → Tokyo; KR → Seoul; BR and Latin America → São Paulo; AE and the GCC → Dubai; ZA and the rest of Africa → Johannesburg; ' +
      'HK → Hong Kong customer service; CN → no office, the domestic hotlines (match CHINA_DOMESTIC). ' +
      'FALLBACK for any other valid country (e.g. AU, IN, RU): no office, the international hotlines led by the 24/7 global helpline +86-10-5765-6666, and the international channels. ' +
      `A code that is not ISO 3166-1 alpha-2 fails with BAD_USER_INPUT. ${CACHE_NOTE}`,
  })
  nearestSupportOffice(
    @Ctx() ctx: OfficesContext,
    @Arg('countryCode', { description: 'ISO 3166-1 alpha-2 country code, case-insensitive, e.g. "DE" ("UK" is not ISO; use "GB").' })
    countryCode: string,
  ) {
    try {
      return asSupportContacts(nearestSupportContacts(ctx.directory, countryCode));
    } catch (err) {
      if (err instanceof InvalidCountryCodeError) throw new BadUserInputError(err.message, ['countryCode']);
      throw err;
    }
  }
}
