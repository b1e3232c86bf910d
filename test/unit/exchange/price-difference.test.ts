import { priceDifference } from '../../../subgraphs/exchange/quote/price-difference';
import { ExchangeDirection } from '../../../subgraphs/exchange/quote/quote.enums';

describe('priceDifference (target − paid, integer fen)', () => {
  it('equal prices to the fen are EVEN', () => {
    expect(priceDifference(19102, 19102)).toEqual({ differenceFen: 0, direction: ExchangeDirection.EVEN });
  });
  it('a cheaper target is a REFUND with a negative difference', () => {
    expect(priceDifference(19102, 15900)).toEqual({ differenceFen: -3202, direction: ExchangeDirection.REFUND });
  });
  it('a dearer target is PAY_EXTRA, exact to one fen', () => {
    expect(priceDifference(19102, 19103)).toEqual({ differenceFen: 1, direction: ExchangeDirection.PAY_EXTRA });
  });
  it('refuses anything but integer fen', () => {
    expect(() => priceDifference(191.02, 200)).toThrow(/integer fen/);
  });
});
