import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseHours } from '../hours/parse-hours';
import { Directory } from '../directory/directory';
import { directoryFileSchema, type DirectoryFile } from './directory.schema';
// Imported (not only read) so the TypeScript build copies the file into dist/ next to this module.
import bundledDirectory from './directory.v1.json';

/** The data file the subgraph serves; bump the suffix (and `version`) when the shape changes. */
export const DIRECTORY_FILE = join(__dirname, 'directory.v1.json');

/** Thrown when the directory file is unreadable or invalid; the message says which file and what to fix. */
export class DirectoryFileError extends Error {}

/** Reads, validates and indexes the directory file; any problem throws DirectoryFileError (stops start-up). */
export function loadDirectory(file: string = DIRECTORY_FILE): Directory {
  const raw = file === DIRECTORY_FILE ? (bundledDirectory as unknown) : readJson(file);
  const parsed = directoryFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new DirectoryFileError(`Support directory ${file} is invalid; fix these fields:\n${z.prettifyError(parsed.error)}`);
  const problems = crossChecks(parsed.data);
  if (problems.length > 0)
    throw new DirectoryFileError(`Support directory ${file} is inconsistent:\n${problems.map((p) => `✖ ${p}`).join('\n')}`);
  return new Directory(parsed.data);
}

// Rules zod cannot express per record: unique ids, one hub per country, parseable hours, known sources.
function crossChecks(file: DirectoryFile): string[] {
  const problems: string[] = [];
  const sources = new Set(file.sources.map((s) => s.id));
  const seen = new Map<string, string>();
  for (const entry of [...file.offices, ...file.hotlines, ...file.channels]) {
    if (seen.has(entry.id)) problems.push(`duplicate id "${entry.id}"`);
    seen.set(entry.id, entry.id);
    if (!sources.has(entry.source)) problems.push(`"${entry.id}" cites unknown source "${entry.source}"`);
  }
  const hubOf = new Map<string, string>();
  for (const office of file.offices) {
    for (const country of office.countries) {
      if (country === 'CN') problems.push(`office "${office.id}" lists CN, which is served by the domestic hotlines`);
      const other = hubOf.get(country);
      if (other) problems.push(`country ${country} is listed by both "${other}" and "${office.id}"`);
      hubOf.set(country, office.id);
    }
  }
  for (const entry of [...file.offices, ...file.hotlines]) {
    if (entry.hours === null) continue;
    try {
      parseHours(entry.hours, entry.timeZone);
    } catch (err) {
      problems.push(`"${entry.id}".hours: ${(err as Error).message}`);
    }
  }
  for (const d of [...file.discrepancies, ...file.interpretations]) {
    if (!sources.has(d.where.source)) problems.push(`note "${d.what.slice(0, 40)}…" cites unknown source "${d.where.source}"`);
  }
  return problems;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DirectoryFileError(`Support directory ${file} is not readable JSON: ${(err as Error).message}`);
  }
}
