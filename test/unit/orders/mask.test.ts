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
    ['+8613912345678', '+86*******5678'],
    ['01012345', '****2345'],
    ['12345', '****5'],
    ['', ''],
  ])('%j -> %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('hides the middle digits of a mobile number', () => {
    expect(maskPhone('13912345678')).not.toContain('1234');
  });
});
