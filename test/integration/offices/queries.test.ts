import { officesTestServer } from './offices-harness';

// Monday 2025-03-10 16:30Z: 09:30 PDT in Los Angeles (first weekday after the DST change), 16:30 GMT in London.
const NOW = new Date('2025-03-10T16:30:00Z');
const server = officesTestServer(NOW);
afterAll(() => server.stop());

type Office = {
  id: string;
  openNow: boolean;
  nextOpensAt: string | null;
  weeklyHours: { day: string; opensAt: string; closesAt: string }[];
};

describe('offices queries (anonymous identity)', () => {
  it('supportOffices lists every office with parsed hours, openNow and nextOpensAt at the injected instant', async () => {
    const res = await server.execute<{ supportOffices: Office[] }>(
      '{ supportOffices { id city timeZone phone address openNow nextOpensAt weeklyHours { day opensAt closesAt } } }',
    );
    expect(res.errors).toBeUndefined();
    const byId = Object.fromEntries(res.data!.supportOffices.map((o) => [o.id, o]));
    expect(Object.keys(byId)).toHaveLength(10);
    expect(byId['los-angeles'].openNow).toBe(true);
    expect(byId['los-angeles'].weeklyHours[0]).toEqual({ day: 'MONDAY', opensAt: '09:00', closesAt: '18:00' });
    expect(byId['london'].openNow).toBe(true); // 16:30 GMT, closes 17:00
    expect(byId['tokyo'].openNow).toBe(false); // 01:30 Tuesday JST
    // The same instants as UTC 00:00 / 09:00 / 16:00, written in each office's own offset (LA already on PDT).
    expect(byId['tokyo'].nextOpensAt).toBe('2025-03-11T09:00:00+09:00');
    expect(byId['london'].nextOpensAt).toBe('2025-03-11T09:00:00+00:00');
    expect(byId['los-angeles'].nextOpensAt).toBe('2025-03-11T09:00:00-07:00');
    expect(byId['hong-kong']).toMatchObject({ address: null, phone: null, openNow: true });
    expect(byId['hong-kong'].weeklyHours.at(-1)).toEqual({ day: 'FRIDAY', opensAt: '00:00', closesAt: '06:00' });
    expect(res.cacheControl).toBe('max-age=60, public');
  });

  it('filters by region, language and openAt', async () => {
    const res = await server.execute<{ europe: { id: string }[]; spanish: { id: string }[]; sunday: { id: string }[] }>(
      `{ europe: supportOffices(region: EUROPE) { id }
         spanish: supportOffices(language: "Spanish") { id }
         sunday: supportOffices(openAt: "2025-01-12T10:00:00+04:00") { id } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.europe.map((o) => o.id)).toEqual(['london', 'frankfurt']);
    expect(res.data!.spanish.map((o) => o.id)).toEqual(['los-angeles', 'sao-paulo']);
    expect(res.data!.sunday.map((o) => o.id)).toEqual(['dubai']);
    expect(res.cacheControl).toBe('max-age=86400, public');
  });

  it('supportOffice answers one office with openAt at fixed instants, and null for an unknown id', async () => {
    const res = await server.execute<{ frankfurt: Record<string, unknown>; none: null }>(
      `{ frankfurt: supportOffice(id: "frankfurt") { id email hoursDescription
           beforeChange: openAt(instant: "2025-10-24T09:30:00+02:00") afterChange: openAt(instant: "2025-10-27T07:30:00Z") }
         none: supportOffice(id: "atlantis") { id } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.frankfurt).toEqual({
      id: 'frankfurt',
      email: 'de-support@jd.com',
      hoursDescription: 'Mon–Fri, 9:00 AM – 5:00 PM CET',
      beforeChange: true,
      afterChange: false,
    });
    expect(res.data!.none).toBeNull();
  });

  it('rejects an instant without offset as BAD_USER_INPUT', async () => {
    const res = await server.execute('query ($at: DateTime!) { supportOffice(id: "london") { openAt(instant: $at) } }', {
      at: '2025-10-24 09:30',
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/ISO-8601 with an offset/);
  });

  it('hotlines filters by department and scope and exposes parsed hours', async () => {
    const res = await server.execute<{
      seller: { number: string; tollFree: boolean }[];
      domestic: { id: string; weeklyHours: unknown[] | null; openNow: boolean | null; tollFree: boolean | null }[];
    }>(
      `{ seller: hotlines(department: SELLER, scope: INTERNATIONAL) { number tollFree }
         domestic: hotlines(scope: DOMESTIC) { id tollFree weeklyHours { day } openNow } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.seller).toEqual([{ number: '+86-10-5765-6688', tollFree: false }]);
    const enterprise = res.data!.domestic.find((h) => h.id === 'cn-enterprise')!;
    expect(enterprise.tollFree).toBeNull();
    expect(enterprise.openNow).toBe(false); // 00:30 Tuesday in Shanghai; opens 08:00
    expect(res.data!.domestic.find((h) => h.id === 'cn-customer-service')).toMatchObject({ tollFree: true, openNow: true });
    expect(res.data!.domestic.find((h) => h.id === 'cn-logistics')).toMatchObject({ weeklyHours: null, openNow: null });
  });

  it('supportChannels lists email, chat, social, web and postal channels, filterable by kind', async () => {
    const res = await server.execute<{ all: { kind: string }[]; social: { platform: string; address: string }[] }>(
      '{ all: supportChannels { kind } social: supportChannels(kind: SOCIAL) { platform address } }',
    );
    expect(res.errors).toBeUndefined();
    expect(new Set(res.data!.all.map((c) => c.kind))).toEqual(new Set(['EMAIL', 'CHAT', 'SOCIAL', 'WEB', 'POSTAL']));
    expect(res.data!.social).toContainEqual({ platform: 'Twitter', address: '@JDcom_Global' });
  });

  it('nearestSupportOffice maps countries to hubs, CN to domestic hotlines, and others to the documented fallback', async () => {
    const res = await server.execute<Record<string, { match: string; office: { id: string } | null; hotlines: { number: string }[] }>>(
      `{ de: nearestSupportOffice(countryCode: "de") { match office { id } hotlines { number } }
         cn: nearestSupportOffice(countryCode: "CN") { match office { id } hotlines { number } }
         au: nearestSupportOffice(countryCode: "AU") { match office { id } hotlines { number } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.de).toMatchObject({ match: 'REGIONAL_OFFICE', office: { id: 'frankfurt' } });
    expect(res.data!.cn.office).toBeNull();
    expect(res.data!.cn.hotlines[0].number).toBe('400-606-5500');
    expect(res.data!.au).toMatchObject({ match: 'FALLBACK', office: null });
    expect(res.data!.au.hotlines[0].number).toBe('+86-10-5765-6666');
    expect(res.cacheControl).toBe('max-age=86400, public');
  });

  it('nearestSupportOffice answers BAD_USER_INPUT for a code that is not ISO 3166-1 alpha-2', async () => {
    const res = await server.execute('{ nearestSupportOffice(countryCode: "UK") { match } }');
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['countryCode'] });
    expect(res.errors?.[0].message).toMatch(/"UK" is not an ISO 3166-1 alpha-2 country code/);
  });

  it('serves customers and partners too (the directory needs no particular identity)', async () => {
    const customer = await server.execute<{ supportOffice: { id: string } }>(
      '{ supportOffice(id: "seoul") { id } }',
      {},
      { kind: 'customer', pin: 'jd_demo_alice' },
    );
    const partner = await server.execute<{ supportOffice: { id: string } }>(
      '{ supportOffice(id: "seoul") { id } }',
      {},
      { kind: 'partner', partnerId: 'acme', scopes: [] },
    );
    expect(customer.data!.supportOffice.id).toBe('seoul');
    expect(partner.data!.supportOffice.id).toBe('seoul');
  });
});
