import { MIX, mixedWorkload } from '../../../bench/customers/workload';

describe('customers bench workload', () => {
  const customers = [
    { pin: 'c1', token: 't1', orders: [['1001', '501'] as [string, string]] },
    { pin: 'c2', token: 't2', orders: [['2001', '601'] as [string, string], ['2002', '602'] as [string, string]] },
    { pin: 'c3', token: 't3', orders: [] },
  ];

  it('sends the mix (60/20/10/10) for customers with orders, each with their own token and order', () => {
    const next = mixedWorkload('http://gw/graphql', customers);
    const sent = Array.from({ length: 4000 }, () => next());
    for (const { kind, weight } of MIX) {
      const share = sent.filter((r) => r.kind === kind).length / sent.length;
      expect(Math.abs(share - weight / 100)).toBeLessThan(0.03);
    }
    for (const r of sent.filter((x) => x.kind === 'order detail')) {
      const { variables } = JSON.parse(r.body!) as { variables: { id: string } };
      const owner = customers.find((c) => c.orders.some(([id]) => id === variables.id))!;
      expect(r.headers.authorization).toBe(`Bearer ${owner.token}`);
    }
    // The directory is public: no token. A customer without orders is never drawn.
    expect(sent.filter((r) => r.kind === 'directory').every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(sent.some((r) => r.headers.authorization === 'Bearer t3')).toBe(false);
  });

  it('is the same sequence for the same seed', () => {
    const a = mixedWorkload('http://gw/graphql', customers, 7);
    const b = mixedWorkload('http://gw/graphql', customers, 7);
    for (let i = 0; i < 50; i++) expect(a()).toEqual(b());
  });
});
