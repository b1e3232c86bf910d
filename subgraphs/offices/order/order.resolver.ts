import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { partialResultNote } from '../../kit';
import { CACHE_NOTE, DIRECTORY_CACHE } from '../cache-hints';
import { SupportContacts } from '../contacts/support-contacts.type';
import { asSupportContacts } from '../contacts/contacts.mapper';
import type { OfficesContext } from '../context';
import { InvalidCountryCodeError, nearestSupportContacts } from '../routing/nearest-contacts';
import { Order } from './order.type';

@Resolver(() => Order)
export class OrderSupportContactsResolver {
  @Directive('@requires(fields: "shipTo { countryCode }")')
  @Directive(DIRECTORY_CACHE)
  @FieldResolver(() => SupportContacts, {
    nullable: true,
    description:
      'Support contacts for the country the order ships to, chosen exactly as Query.nearestSupportOffice(countryCode: shipTo.countryCode) would. ' +
      `Null when the order carries no valid ISO 3166-1 alpha-2 country code. ${CACHE_NOTE} ${partialResultNote('offices')}`,
  })
  supportContacts(@Root() order: { shipTo?: { countryCode?: string | null } | null }, @Ctx() ctx: OfficesContext) {
    const countryCode = order.shipTo?.countryCode;
    if (!countryCode) return null;
    try {
      return asSupportContacts(nearestSupportContacts(ctx.directory, countryCode));
    } catch (err) {
      if (err instanceof InvalidCountryCodeError) return null;
      throw err;
    }
  }
}
