import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { formatFen, parseFen } from '../../../jd/protocol';

export { formatFen, parseFen };

/** An exact amount of money: integer minor units, never a float. */
@Directive('@shareable')
// A value inside its parent: cacheable for as long as the parent is, instead of the default 0.
@Directive('@cacheControl(inheritMaxAge: true)')
@ObjectType({ description: 'An exact amount of money.' })
export class Money {
  @Field({ description: 'Decimal amount in major units, e.g. "199.00".' })
  amount!: string;

  @Field({ description: 'ISO-4217 currency code, e.g. "CNY".' })
  currency!: string;

  @Field(() => Int, { description: 'Amount in minor units (fen), e.g. 19900.' })
  minorUnits!: number;
}

/** Money for an integer amount of fen (or other minor units). */
export function money(fen: number, currency = 'CNY'): Money {
  const m = new Money();
  m.amount = formatFen(fen);
  m.currency = currency;
  m.minorUnits = fen;
  return m;
}
