import { loadDirectory } from '../../../subgraphs/offices/data/load-directory';
import { InvalidCountryCodeError, nearestSupportContacts } from '../../../subgraphs/offices/routing/nearest-contacts';

const directory = loadDirectory();
const hub = (code: string) => nearestSupportContacts(directory, code);

describe('nearestSupportContacts', () => {
  it.each([
    ['US', 'los-angeles'],
    ['CA', 'los-angeles'],
    ['GB', 'london'],
    ['FR', 'london'],
    ['IE', 'london'],
    ['DE', 'frankfurt'],
    ['AT', 'frankfurt'],
    ['CH', 'frankfurt'],
    ['PL', 'frankfurt'],
    ['SG', 'singapore'],
    ['TH', 'singapore'],
    ['ID', 'singapore'],
    ['JP', 'tokyo'],
    ['KR', 'seoul'],
    ['BR', 'sao-paulo'],
    ['MX', 'sao-paulo'],
    ['AR', 'sao-paulo'],
    ['AE', 'dubai'],
    ['SA', 'dubai'],
    ['ZA', 'johannesburg'],
    ['NG', 'johannesburg'],
    ['HK', 'hong-kong'],
  ])('%s → %s', (code, officeId) => {
    const result = hub(code);
    expect(result.match).toBe('REGIONAL_OFFICE');
    expect(result.office?.id).toBe(officeId);
    expect(result.hotlines.map((h) => h.id)).toEqual(['global-customer-support', 'global-logistics', 'global-finance']);
    expect(result.channels.every((c) => c.scope !== 'DOMESTIC')).toBe(true);
  });

  it('sends CN to the domestic hotlines and China-only channels, with no office', () => {
    const result = hub('CN');
    expect(result).toMatchObject({ countryCode: 'CN', match: 'CHINA_DOMESTIC', office: null });
    expect(result.hotlines.map((h) => h.number)).toEqual(['400-606-5500', '400-622-8889', '400-606-5555']);
    expect(result.channels.map((c) => c.id)).toEqual(expect.arrayContaining(['social-weibo', 'social-wechat', 'email-general']));
    expect(result.channels.map((c) => c.id)).not.toContain('social-twitter');
  });

  it('falls back to the international global helpline for a valid but uncovered country', () => {
    const result = hub('AU');
    expect(result).toMatchObject({ countryCode: 'AU', match: 'FALLBACK', office: null });
    expect(result.hotlines[0].number).toBe('+86-10-5765-6666');
  });

  it('normalises case and whitespace', () => {
    expect(hub(' de ').office?.id).toBe('frankfurt');
  });

  it.each(['', 'USA', 'XX', 'U1', 'UK', 'EU'])('rejects %p as not ISO 3166-1 alpha-2', (code) => {
    expect(() => hub(code)).toThrow(InvalidCountryCodeError);
  });

  it('leaves seller, enterprise and media lines out of a shopper’s contacts', () => {
    const departments = new Set([...hub('US').hotlines, ...hub('CN').hotlines].map((h) => h.department));
    expect([...departments].sort()).toEqual(['FINANCE', 'GENERAL', 'LOGISTICS']);
  });
});

describe('Directory filters', () => {
  it('filters offices by region, language (case-insensitive) and opening at an instant', () => {
    expect(directory.findOffices({ region: 'EUROPE' }).map((o) => o.id)).toEqual(['london', 'frankfurt']);
    expect(directory.findOffices({ language: 'spanish' }).map((o) => o.id)).toEqual(['los-angeles', 'sao-paulo']);
    // Sunday 2025-01-12 06:00Z: only Dubai (Sun–Thu, 10:00 GST) is open.
    expect(directory.findOffices({ openAt: new Date('2025-01-12T06:00:00Z') }).map((o) => o.id)).toEqual(['dubai']);
  });

  it('filters hotlines by department and scope', () => {
    expect(directory.findHotlines({ department: 'SELLER', scope: 'INTERNATIONAL' }).map((h) => h.number)).toEqual(['+86-10-5765-6688']);
    expect(directory.findHotlines({ scope: 'DOMESTIC' }).every((h) => h.number.startsWith('400-'))).toBe(true);
  });
});
