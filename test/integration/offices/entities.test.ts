import { officesTestServer } from './offices-harness';

const server = officesTestServer(new Date('2025-03-10T16:30:00Z'));
afterAll(() => server.stop());

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on SupportOffice { id city openNow }
    ... on Order { id supportContacts { countryCode match office { id } hotlines { number } channels { id } } }
  }
}`;

describe('offices entity resolution (_entities)', () => {
  it('resolves SupportOffice by id, and null for an unknown id', async () => {
    const res = await server.execute<{ _entities: unknown[] }>(ENTITIES, {
      representations: [
        { __typename: 'SupportOffice', id: 'sao-paulo' },
        { __typename: 'SupportOffice', id: 'nowhere' },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([{ id: 'sao-paulo', city: 'São Paulo', openNow: true }, null]);
  });

  it('computes Order.supportContacts from the shipTo.countryCode the gateway passes in the representation', async () => {
    const res = await server.execute<{
      _entities: {
        id: string;
        supportContacts: {
          countryCode: string;
          match: string;
          office: { id: string } | null;
          hotlines: { number: string }[];
          channels: { id: string }[];
        } | null;
      }[];
    }>(ENTITIES, {
      representations: [
        { __typename: 'Order', id: '1001', shipTo: { countryCode: 'US' } },
        { __typename: 'Order', id: '1002', shipTo: { countryCode: 'CN' } },
        { __typename: 'Order', id: '1003', shipTo: { countryCode: 'at' } },
        { __typename: 'Order', id: '1004', shipTo: { countryCode: 'ZZ' } },
      ],
    });
    expect(res.errors).toBeUndefined();
    const [us, cn, at, bad] = res.data!._entities;
    expect(us).toMatchObject({
      id: '1001',
      supportContacts: { countryCode: 'US', match: 'REGIONAL_OFFICE', office: { id: 'los-angeles' } },
    });
    expect(us.supportContacts!.hotlines[0].number).toBe('+86-10-5765-6666');
    expect(cn.supportContacts).toMatchObject({ match: 'CHINA_DOMESTIC', office: null });
    expect(cn.supportContacts!.hotlines.map((h) => h.number)).toEqual(['400-606-5500', '400-622-8889', '400-606-5555']);
    expect(cn.supportContacts!.channels.map((c) => c.id)).toContain('social-weibo');
    expect(at.supportContacts!.office?.id).toBe('frankfurt');
    expect(bad).toEqual({ id: '1004', supportContacts: null });
  });
});
