import { Directive, Field, ObjectType } from 'type-graphql';
import { listSize } from '../../kit';
import { CACHE_NOTE, DIRECTORY_CACHE } from '../cache-hints';
import { SupportChannel } from '../channel/channel.type';
import { SupportMatch } from '../directory/directory.enums';
import { Hotline } from '../hotline/hotline.type';
import { SupportOffice } from '../office/office.type';
import { DIRECTORY_LIST_ASSUMED } from '../list-sizes';

@Directive(DIRECTORY_CACHE)
@ObjectType({
  description:
    'Where a shopper in a given country should turn: the regional office (if one covers the country), the hotlines they can dial and the channels meant for them. ' +
    `Seller, enterprise, media and security contacts are left out. ${CACHE_NOTE}`,
})
export class SupportContacts {
  @Field({ description: 'The country looked up, ISO 3166-1 alpha-2, upper case.' })
  countryCode!: string;

  @Field(() => SupportMatch, { description: 'How the country was matched; FALLBACK means no office covers it.' })
  match!: SupportMatch;

  @Field(() => SupportOffice, {
    nullable: true,
    description: 'The regional office covering the country; null for mainland China (use `hotlines`) and for the FALLBACK.',
  })
  office!: SupportOffice | null;

  @Directive(listSize({ assumedSize: DIRECTORY_LIST_ASSUMED }))
  @Field(() => [Hotline], {
    description:
      'Consumer hotlines callable from the country: the domestic 400- numbers for CN, otherwise the international +86- numbers, global customer service (24/7) first.',
  })
  hotlines!: Hotline[];

  @Directive(listSize({ assumedSize: DIRECTORY_LIST_ASSUMED }))
  @Field(() => [SupportChannel], {
    description:
      'Consumer channels for the country: those for everyone plus those for its scope (Weibo/WeChat for CN, Twitter/Facebook elsewhere).',
  })
  channels!: SupportChannel[];
}
