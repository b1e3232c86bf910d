import { planPages } from '../../../subgraphs/orders/order/page-plan';

describe('planPages (graph offset/count -> JD page/page_size ≤ 100)', () => {
  it('uses one exact JD page when the offset is a multiple of count', () => {
    expect(planPages(0, 10)).toEqual({ pageSize: 10, pages: [1], skip: 0 });
    expect(planPages(20, 10)).toEqual({ pageSize: 10, pages: [3], skip: 0 });
    expect(planPages(100, 100)).toEqual({ pageSize: 100, pages: [2], skip: 0 });
  });

  it('covers unaligned windows with at most two 100-order pages', () => {
    expect(planPages(7, 10)).toEqual({ pageSize: 100, pages: [1], skip: 7 });
    expect(planPages(95, 10)).toEqual({ pageSize: 100, pages: [1, 2], skip: 95 });
    expect(planPages(150, 60)).toEqual({ pageSize: 100, pages: [2, 3], skip: 50 });
  });

  it('always covers exactly the wanted window', () => {
    for (let offset = 0; offset < 350; offset += 7) {
      for (const count of [1, 3, 10, 33, 99, 100]) {
        const plan = planPages(offset, count);
        expect(plan.pageSize).toBeLessThanOrEqual(100);
        expect(plan.pages.length).toBeLessThanOrEqual(2);
        const start = (plan.pages[0] - 1) * plan.pageSize + plan.skip;
        const end = plan.pages[plan.pages.length - 1] * plan.pageSize;
        expect(start).toBe(offset);
        expect(end).toBeGreaterThanOrEqual(offset + count);
      }
    }
  });

  it('refuses counts JD cannot serve', () => {
    expect(() => planPages(0, 0)).toThrow(RangeError);
    expect(() => planPages(0, 101)).toThrow(RangeError);
  });
});
