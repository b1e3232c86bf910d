import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by the after-sales subgraph: exchange only hands out references, the gateway resolves the rest there. */
@Directive('@key(fields: "id", resolvable: false)')
// The owner's description, so composition keeps one text.
@ObjectType({
  description:
    'A return, exchange or repair the customer filed against one order line. Read from JD ' +
    '`jingdong.afsservice.service.detail.get`; cached per customer for up to 15 seconds and refreshed at once ' +
    'after this graph applies or cancels. Only the customer who filed it can see it.',
})
export class AfterSalesService {
  @Field(() => ID, { description: 'JD `afsServiceId`.' })
  id!: string;
}

/** A key-only reference to a JD after-sales service. */
export function afterSalesServiceRef(afsServiceId: number): AfterSalesService {
  const service = new AfterSalesService();
  service.id = String(afsServiceId);
  return service;
}
