import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CACHE_NOTE, DIRECTORY_CACHE } from '../cache-hints';
import { ChannelKind, ChannelScope, SupportDepartment } from '../directory/directory.enums';

@Directive(DIRECTORY_CACHE)
@ObjectType({
  description: `A non-phone way to reach JD: email, live chat, social media, web page or postal address, transcribed from the source. ${CACHE_NOTE}`,
})
export class SupportChannel {
  @Field(() => ID, { description: 'Stable kebab-case id, e.g. "email-refund", "social-twitter".' })
  id!: string;

  @Field(() => ChannelKind, { description: 'How the channel is used; decides how to read `address`.' })
  kind!: ChannelKind;

  @Field(() => SupportDepartment, { description: 'The team the channel reaches.' })
  department!: SupportDepartment;

  @Field(() => ChannelScope, { description: 'Which customers the channel is meant for.' })
  scope!: ChannelScope;

  @Field({
    description:
      'Email address, site, handle, page name, URL (without scheme) or postal address, verbatim from the source, e.g. "refund@jd.com", "@JDcom_Global".',
  })
  address!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Platform for CHAT and SOCIAL channels, e.g. "Weibo", "Twitter"; null for email, web and postal.',
  })
  platform!: string | null;

  @Field({ description: 'What to use the channel for, in the source\'s words, e.g. "Refunds & Returns".' })
  purpose!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Promised response time as printed, e.g. "12–48 hours"; null when the source promises none.',
  })
  responseTime!: string | null;
}
