import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIRECTORY_FILE, DirectoryFileError, loadDirectory } from '../../../subgraphs/offices/data/load-directory';

const original = JSON.parse(readFileSync(DIRECTORY_FILE, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'offices-directory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function corrupted(mutate: (file: typeof original) => void): string {
  const copy = structuredClone(original);
  mutate(copy);
  const path = join(dir, `directory-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(copy));
  return path;
}

describe('directory data file', () => {
  it('validates and loads the committed file', () => {
    const directory = loadDirectory();
    expect(directory.version).toBe(1);
    expect(directory.offices.map((o) => o.id)).toEqual([
      'los-angeles',
      'london',
      'frankfurt',
      'singapore',
      'tokyo',
      'seoul',
      'sao-paulo',
      'dubai',
      'johannesburg',
      'hong-kong',
    ]);
    expect(directory.hotlines).toHaveLength(10);
    expect(original.discrepancies.length).toBeGreaterThanOrEqual(5);
  });

  it('records the Johannesburg/Cape Town contradiction and keeps the address', () => {
    const jnb = loadDirectory().office('johannesburg');
    expect(jnb?.address).toBe('10th Floor, 101 Adderley Street, Cape Town, 8001');
    expect(original.discrepancies.some((d: { what: string }) => /Johannesburg.*Cape Town/.test(d.what))).toBe(true);
  });

  it.each([
    ['a bad email', (f: typeof original) => (f.offices[0].email = 'not-an-email'), /offices\[0\]\.email/],
    ['an unknown region', (f: typeof original) => (f.offices[1].region = 'ATLANTIS'), /offices\[1\]\.region/],
    ['a bad IANA zone', (f: typeof original) => (f.offices[2].timeZone = 'Mars/Olympus'), /IANA time-zone name/],
    ['a missing field', (f: typeof original) => delete f.hotlines[0].number, /hotlines\[0\]\.number/],
    ['an unknown country', (f: typeof original) => (f.offices[0].countries = ['XX']), /ISO 3166-1 alpha-2/],
    ['the wrong version', (f: typeof original) => (f.version = 2), /version/],
  ])('refuses a copy with %s, naming the field', (_label, mutate, message) => {
    const path = corrupted(mutate);
    expect(() => loadDirectory(path)).toThrow(DirectoryFileError);
    expect(() => loadDirectory(path)).toThrow(message);
    expect(() => loadDirectory(path)).toThrow(/is invalid; fix these fields/);
  });

  it('refuses hours whose zone abbreviation contradicts the office zone', () => {
    const path = corrupted((f) => (f.offices[1].hours = 'Mon–Fri, 9:00 AM – 5:00 PM CET'));
    expect(() => loadDirectory(path)).toThrow(/"london"\.hours: .*CET means Europe\/Berlin, but the entry's timeZone is Europe\/London/);
  });

  it('refuses a country claimed by two offices, duplicate ids and CN on an office', () => {
    expect(() => loadDirectory(corrupted((f) => f.offices[2].countries.push('GB')))).toThrow(
      /country GB is listed by both "london" and "frankfurt"/,
    );
    expect(() => loadDirectory(corrupted((f) => (f.hotlines[1].id = f.hotlines[0].id)))).toThrow(/duplicate id "cn-customer-service"/);
    expect(() => loadDirectory(corrupted((f) => f.offices[0].countries.push('CN')))).toThrow(/lists CN/);
  });

  it('refuses unreadable JSON with the file name', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "version": 1,');
    expect(() => loadDirectory(path)).toThrow(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not readable JSON`));
  });
});
