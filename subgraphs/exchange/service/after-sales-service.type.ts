import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../kit';

/** Owned by the after-sales subgraph: exchange only hands out references, the gateway resolves the rest there. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({
  description: ENTITY_DESCRIPTIONS.afterSalesService,
})
export class AfterSalesService {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.afterSalesServiceId })
  id!: string;
}

/** A key-only reference to a JD after-sales service. */
export function afterSalesServiceRef(afsServiceId: number): AfterSalesService {
  const service = new AfterSalesService();
  service.id = String(afsServiceId);
  return service;
}
