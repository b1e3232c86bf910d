import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExampleError, loadExamples, parseExample } from '../../../gateway/explorer';
import { buildManifest } from '../../../scripts/persisted-manifest';

const ROOT = join(__dirname, '..', '..', '..');

describe('loadExamples', () => {
  it('orders the tabs customer, then mobile, then partner, and covers each group the issue names', () => {
    const examples = loadExamples();
    const groups = examples.map((e) => e.group);
    expect(groups).toEqual(
      [...groups].sort((a, b) => ['customer', 'mobile', 'partner'].indexOf(a) - ['customer', 'mobile', 'partner'].indexOf(b)),
    );
    expect(examples.filter((e) => e.group === 'customer').map((e) => e.operationName)).toEqual([
      'CustomerDashboard',
      'CustomerExchangeQuote',
    ]);
    expect(examples.filter((e) => e.group === 'partner').map((e) => e.operationName)).toEqual([
      'PartnerSupportOffices',
      'PartnerHotlines',
      'PartnerNearestSupportOffice',
    ]);
    const dashboard = examples[0].query;
    for (const field of ['orders', 'afterSalesServices', 'schedule', 'price', 'supportContacts'])
      expect(dashboard).toMatch(new RegExp(`\\b${field}\\b`));
  });

  it('opens mobile tabs on the persisted operations byte for byte, so they match the safelist manifest', () => {
    const dir = join(ROOT, 'persisted-operations');
    const mobile = loadExamples().filter((e) => e.group === 'mobile');
    expect(mobile.map((e) => e.query)).toEqual(buildManifest(dir).operations.map((o) => o.body));
  });

  it('gives persisted operations the sample variables of mobile-variables.json', () => {
    const mobile = loadExamples().filter((e) => e.group === 'mobile');
    expect(JSON.parse(mobile.find((e) => e.operationName === 'MobileNearestSupportOffice')!.variables)).toEqual({ countryCode: 'DE' });
  });

  it('skips mobile when the persisted-operations folder does not exist', () => {
    expect(loadExamples({ persistedDir: join(tmpdir(), 'no-such-folder-explorer') }).some((e) => e.group === 'mobile')).toBe(false);
  });

  it('lists every broken file at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explorer-examples-'));
    try {
      mkdirSync(join(dir, 'customer'));
      mkdirSync(join(dir, 'partner'));
      writeFileSync(join(dir, 'customer', 'a.graphql'), '{ orders { totalCount } }');
      writeFileSync(join(dir, 'customer', 'b.graphql'), 'query A { a } query B { b }');
      writeFileSync(join(dir, 'partner', 'c.graphql'), '# variables: {not json}\nquery C { c }');
      writeFileSync(join(dir, 'partner', 'd.graphql'), 'query D {');
      writeFileSync(join(dir, 'mobile-variables.json'), '[1]');
      const load = () => loadExamples({ examplesDir: dir, persistedDir: join(dir, 'none') });
      expect(load).toThrow(ExampleError);
      const message = (() => {
        try {
          load();
        } catch (err) {
          return (err as Error).message;
        }
        return '';
      })();
      expect(message).toMatch(/a\.graphql: the operation is anonymous/);
      expect(message).toMatch(/b\.graphql: holds 2 operations/);
      expect(message).toMatch(/c\.graphql: "# variables:" is not JSON/);
      expect(message).toMatch(/d\.graphql: Syntax Error/);
      expect(message).toMatch(/mobile-variables\.json: expected an object keyed by operation name/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseExample', () => {
  it('reads title and variables from comment lines and keeps the other comments in the document', () => {
    const e = parseExample(
      'partner',
      'x.graphql',
      '# title: Partner · offices\n# Explains the query.\n# variables: {"language": "english"}\nquery Offices($language: String) { supportOffices(language: $language) { id } }\n',
    );
    expect(e).toEqual({
      group: 'partner',
      file: 'x.graphql',
      title: 'Partner · offices',
      operationName: 'Offices',
      query: '# Explains the query.\nquery Offices($language: String) { supportOffices(language: $language) { id } }',
      variables: JSON.stringify({ language: 'english' }, null, 2),
    });
  });

  it('gives a persisted operation typed blanks for its required variables and leaves its text alone', () => {
    const text =
      '# title: not metadata here\nquery OrderDetail($id: ID!, $n: Int!, $flags: [Boolean!]!, $first: Int, $s: String! = "x") { order(id: $id) { id } }\n';
    const e = parseExample('mobile', 'm.graphql', text, true);
    expect(e.query).toBe(text.trim());
    expect(e.title).toBe('not metadata here'); // a title comment still names the tab
    expect(JSON.parse(e.variables)).toEqual({ id: '', n: 1, flags: [] });
  });

  it('titles a file without metadata by group and operation name', () => {
    expect(parseExample('mobile', 'm.graphql', 'query OrderList { orders { totalCount } }', true).title).toBe('Mobile · OrderList');
  });
});
