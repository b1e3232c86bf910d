import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { listSize } from '../../kit';
import { CACHE_NOTE, DIRECTORY_CACHE } from '../cache-hints';
import type { OfficesContext } from '../context';
import type { Channel } from '../directory/directory';
import { ChannelKind } from '../directory/directory.enums';
import { SupportChannel } from './channel.type';
import { DIRECTORY_LIST_ASSUMED } from '../list-sizes';

@Resolver(() => SupportChannel)
export class SupportChannelResolver {
  @Directive(DIRECTORY_CACHE)
  @Directive(listSize({ assumedSize: DIRECTORY_LIST_ASSUMED }))
  @Query(() => [SupportChannel], { description: `JD's email, chat, social, web and postal channels in source order. ${CACHE_NOTE}` })
  supportChannels(
    @Ctx() ctx: OfficesContext,
    @Arg('kind', () => ChannelKind, { nullable: true, description: 'Only channels of this kind; all kinds when omitted.' })
    kind?: ChannelKind | null,
  ): Channel[] {
    return ctx.directory.findChannels(kind);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'When the channel is staffed, as printed (e.g. "24/7", "21:00 Sunday to 6:00 Friday (EST time)"); null when the source does not say.',
  })
  hoursDescription(@Root() channel: Channel): string | null {
    return channel.hours;
  }
}
