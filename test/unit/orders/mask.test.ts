import { maskName, maskPhone } from '../../../subgraphs/orders/order/mask';

describe('maskName', () => {
  it.each([
    ['Zhang San', 'Z** San'],
    ['  Alice   Wang ', 'A** Wang'],
    ['Madonna', 'M**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李', '*'],
    ['', ''],
  ])('%j -> %j', (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });

  it('never lets the first given name through', () => {
    expect(maskName('Zhang San')).not.toContain('Zhang');
    expect(maskName('王小明')).not.toMatch(/小|明/);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13800000000', '138****0000'],
    ['139-1234-5678', '139****5678'],
    ['+8613912345678', '+86139****5678'],
    ['+1 212-555-0986', '+*******0986'],
    ['+852 9123 4567', '+*******4567'],
    ['01012345678', '*******5678'],
    ['01012345', '****2345'],
    ['12345', '****5'],
    ['', ''],
  ])('%j -> %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('hides the middle digits of a mobile number', () => {
    expect(maskPhone('13912345678')).not.toContain('1234');
  });

  it('never shows more than 7 digits of any number, nor more than the last 4 of a foreign one', () => {
    for (const n of ['+12125550986', '+447911123456', '0755-26888888', '+86 139 1234 5678']) {
      expect(maskPhone(n).replace(/\D/g, '').length).toBeLessThanOrEqual(n.startsWith('+86') ? 9 : 4);
    }
  });
});
