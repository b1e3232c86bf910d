import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar, Money, listSize } from '../../kit';
import { Shop } from '../shop/shop.type';
import { OrderItem } from './order-item.type';
import { OrderStatus } from './order-status';
import { ShippingAddress } from './shipping-address.type';

/** Demand control: lines priced per order (JD orders rarely have more). */
const ORDER_LINES_ASSUMED = 10;

@Directive('@key(fields: "id")')
// Private to one customer: shared caches (gateway, CDN) must never store it.
@Directive('@cacheControl(scope: PRIVATE)')
@ObjectType({
  description:
    "A JD order of the signed-in customer (jingdong.pop.order.get). Only the order's buyer can read it; for anyone else it does not exist. " +
    'Order data is cached per customer by the JD layer for seconds (order.get 30 s by default, configurable), so a just-changed order can lag briefly.',
})
export class Order {
  @Field(() => ID, { description: 'JD order id (`orderId`), digits as a string.' })
  id!: string;

  @Field(() => OrderStatus, { description: "Progress of the order, mapped from JD's `orderState` (see OrderStatus for the mapping)." })
  status!: OrderStatus;

  @Field({
    description: 'The raw JD `orderState` (e.g. WAIT_SELLER_STOCK_OUT), for partners who need the distinction OrderStatus folds away.',
  })
  jdOrderState!: string;

  @Field(() => DateTimeScalar, {
    description: 'When the order was placed (JD `orderStartTime`), ISO-8601 with the +08:00 Asia/Shanghai offset.',
  })
  placedAt!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When payment was confirmed (JD `paymentConfirmTime`), ISO-8601 +08:00; null while unpaid.',
  })
  paidAt!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the buyer confirmed receipt (JD `orderEndTime` of a FINISHED_L order), ISO-8601 +08:00; null until the order is COMPLETED. ' +
      'After-sales return windows count from here.',
  })
  receivedAt!: string | null;

  @Field(() => Money, { description: 'Order total before discounts and freight (JD `orderTotalPrice`), exact fen, CNY.' })
  total!: Money;

  @Field(() => Money, {
    description: 'What the buyer paid, freight included (JD `orderPayment`), exact fen, CNY. This is the refundable ceiling.',
  })
  payment!: Money;

  @Field(() => Money, { description: 'Freight charged (JD `freightPrice`), exact fen, CNY; zero when shipping was free.' })
  freight!: Money;

  @Field(() => Money, { description: 'Seller discount applied to the order (JD `sellerDiscount`), exact fen, CNY; zero when none.' })
  discount!: Money;

  @Directive(listSize({ assumedSize: ORDER_LINES_ASSUMED }))
  @Field(() => [OrderItem], { description: 'The order lines, in JD order.' })
  items!: OrderItem[];

  @Field(() => Shop, { description: 'The JD seller the order was bought from (JD `venderId`).' })
  shop!: Shop;

  @Field(() => ShippingAddress, { description: 'Destination with masked recipient name and phone; the full address is never exposed.' })
  shipTo!: ShippingAddress;

  @Field({
    description:
      'Whether the buyer was a JD Plus member when ordering. SANDBOX EXTENSION: JD POP order APIs do not expose it; the sandbox does. ' +
      'After-sales uses it for the longer Plus return window.',
  })
  plusMember!: boolean;
}
