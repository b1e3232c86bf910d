import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIRECTORY_FILE } from '../../../subgraphs/offices/data/load-directory';

// The directory was transcribed from published JD pages the repository does not carry; SEEDS_DIR
// names a folder holding them (CI sets it). Each source is found there by the SHA-256 of its text.
const SEEDS_DIR = process.env.SEEDS_DIR ? resolve(process.env.SEEDS_DIR) : undefined;
if (!SEEDS_DIR)
  console.warn('Skipping the directory transcription test: SEEDS_DIR is not set (it names the folder of source documents; CI sets it).');

const file = JSON.parse(readFileSync(DIRECTORY_FILE, 'utf8'));
type Source = { id: string; sha256: string; title: string };

/** Source id → its whitespace-squashed text, from the SEEDS_DIR file whose SHA-256 the directory records. */
function sourceTexts(dir: string): Map<string, string> {
  if (!existsSync(dir))
    throw new Error(`SEEDS_DIR=${dir} does not exist: point it at the folder of source documents, or unset it to skip this test.`);
  const byDigest = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, name));
    byDigest.set(createHash('sha256').update(bytes).digest('hex'), bytes.toString('utf8'));
  }
  return new Map(
    (file.sources as Source[]).map((s) => {
      const text = byDigest.get(s.sha256);
      if (text === undefined) throw new Error(`No file in SEEDS_DIR=${dir} has the SHA-256 of source "${s.id}" (${s.title}): ${s.sha256}`);
      return [s.id, squash(text)];
    }),
  );
}

const squash = (s: string) => s.replace(/\s+/g, ' ');
type Entry = { id: string; source: string; [field: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const rows = (entries: Entry[]): [string, Entry][] => entries.map((e) => [e.id, e]);

(SEEDS_DIR ? describe : describe.skip)('faithful transcription of the published sources', () => {
  let texts: Map<string, string>;
  beforeAll(() => {
    texts = sourceTexts(SEEDS_DIR as string);
  });
  const sourceText = (id: string) => texts.get(id) as string;

  it.each(rows(file.offices))('office %s: address, phone, email and hours appear verbatim', (_id, office) => {
    const text = sourceText(office.source);
    for (const value of [office.address, office.phone, office.email, office.hours])
      if (value !== null) expect(text).toContain(squash(value));
    for (const language of office.languages) expect(text).toContain(language);
  });

  it.each(rows(file.hotlines))('hotline %s: number and hours appear verbatim', (_id, hotline) => {
    const text = sourceText(hotline.source);
    expect(text).toContain(hotline.number);
    if (hotline.hours) expect(text).toContain(hotline.hours);
  });

  it.each(rows(file.channels))('channel %s: address appears verbatim', (_id, channel) => {
    expect(sourceText(channel.source)).toContain(channel.address);
  });

  it('every discrepancy and interpretation quotes its source verbatim', () => {
    for (const note of [...file.discrepancies, ...file.interpretations])
      expect(sourceText(note.where.source)).toContain(squash(note.where.quote));
  });

  it('spot checks against known values', () => {
    const office = (id: string) => file.offices.find((o: { id: string }) => o.id === id);
    expect(office('los-angeles').phone).toBe('+1-310-555-0198');
    expect(office('frankfurt').address).toBe('Messeplatz 1, 60313 Frankfurt am Main, Germany');
    expect(office('hong-kong').hours).toBe('21:00 Sunday to 6:00 Friday (EST time)');
    expect(office('hong-kong').email).toBe('contact@jd.com');
    expect(file.hotlines.find((h: { number: string }) => h.number === '400-606-5500').hours).toBe('24/7');
    expect(file.channels.find((c: { kind: string; address: string }) => c.kind === 'POSTAL').address).toBe(
      'Suite 1203, 12/F Ruttonjee House,11Duddell Street, Central, Hong Kong.',
    );
  });
});
