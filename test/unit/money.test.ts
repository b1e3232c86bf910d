import { formatFen, parseFen } from '../../jd/protocol';

describe('money in integer fen', () => {
  it.each([
    ['199.00', 19900],
    ['0.1', 10],
    ['0.07', 7],
    ['12', 1200],
    ['-0.05', -5],
    ['1234567.89', 123456789],
  ])('parses %s exactly', (text, fen) => expect(parseFen(text)).toBe(fen));

  it('never goes through floats (0.1 + 0.2 style amounts stay exact)', () => {
    expect(parseFen('0.29') + parseFen('0.01')).toBe(30);
    expect(formatFen(parseFen('1.10') + parseFen('2.20'))).toBe('3.30');
  });

  it.each(['', 'abc', '1.234', '1,00', '¥5', '1e3'])('rejects %j', (text) => expect(() => parseFen(text)).toThrow(/money amount/));

  it('formats signed amounts with two decimals', () => {
    expect(formatFen(19900)).toBe('199.00');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatFen(0)).toBe('0.00');
    expect(() => formatFen(1.5)).toThrow();
  });
});
