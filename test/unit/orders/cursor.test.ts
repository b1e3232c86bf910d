import { decodeCursor, encodeCursor } from '../../../subgraphs/orders/order/cursor';

describe('order cursors', () => {
  it('round-trips position and filter', () => {
    for (const pos of [
      { offset: 0, filter: '' },
      { offset: 10, filter: 'SHIPPED' },
      { offset: 123456, filter: 'AWAITING_SHIPMENT' },
    ]) {
      expect(decodeCursor(encodeCursor(pos))).toEqual(pos);
    }
  });

  it('is opaque: no raw offset or filter readable in the string', () => {
    const c = encodeCursor({ offset: 20, filter: 'SHIPPED' });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(c).not.toContain('SHIPPED');
    expect(c).not.toContain('20');
  });

  it.each([
    [''],
    ['not a cursor'],
    ['!!!!'],
    [Buffer.from('orders:v1:-1:').toString('base64url')],
    [Buffer.from('orders:v1:abc:').toString('base64url')],
    [Buffer.from('orders:v2:1:').toString('base64url')],
    [Buffer.from('orders:v1:1:shipped').toString('base64url')],
    [Buffer.from('{"offset":1}').toString('base64url')],
    ['a'.repeat(500)],
  ])('rejects %j', (bad) => {
    expect(decodeCursor(bad)).toBeNull();
  });
});
