import { pickCandidates } from '../../../subgraphs/exchange/quote/candidates';
import { ExchangeOptionSource } from '../../../subgraphs/exchange/quote/quote.enums';

const { CART, SAME_SHOP, BESTSELLER } = ExchangeOptionSource;

describe('pickCandidates', () => {
  it('lists a SKU once, under the first source in precedence CART > SAME_SHOP > BESTSELLER, whatever the map order', () => {
    const bySource = new Map([
      [BESTSELLER, ['5', '2', '6']],
      [SAME_SHOP, ['2', '3']],
      [CART, ['3', '4']],
    ]);
    expect(pickCandidates(bySource, '1', 10)).toEqual([
      { skuId: '3', source: CART },
      { skuId: '4', source: CART },
      { skuId: '2', source: SAME_SHOP },
      { skuId: '5', source: BESTSELLER },
      { skuId: '6', source: BESTSELLER },
    ]);
  });

  it('never offers the original SKU', () => {
    expect(pickCandidates(new Map([[CART, ['1', '2']]]), '1', 10)).toEqual([{ skuId: '2', source: CART }]);
  });

  it('caps each source after de-duplication, so a shared SKU costs a later source no place', () => {
    const bySource = new Map([
      [CART, ['a', 'b']],
      [BESTSELLER, ['a', 'b', 'c', 'd', 'e']],
    ]);
    expect(pickCandidates(bySource, 'x', 2)).toEqual([
      { skuId: 'a', source: CART },
      { skuId: 'b', source: CART },
      { skuId: 'c', source: BESTSELLER },
      { skuId: 'd', source: BESTSELLER },
    ]);
  });

  it('ignores sources that were not asked for', () => {
    expect(pickCandidates(new Map([[SAME_SHOP, ['2']]]), '1', 5)).toEqual([{ skuId: '2', source: SAME_SHOP }]);
  });
});
