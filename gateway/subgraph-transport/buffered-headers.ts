import type { FetcherHeaders } from '@apollo/utils.fetcher';

const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
/** Fetch strips only HTTP whitespace (tab, CR, LF, space) around a value; String#trim strips more. */
const trimHttpWhitespace = (value: string) => value.replace(EDGE_WHITESPACE, '');

/**
 * Fetch-style headers over a subgraph answer's header list, without undici's per-header validation
 * (node:http has already parsed and checked every name and value). Names are case-insensitive;
 * `get` joins repeated values with ", "; iteration is sorted by lower-case name and combines repeated
 * values, except set-cookie, whose values come one by one (the Fetch standard's "sort and combine").
 */
export class BufferedHeaders implements FetcherHeaders {
  private readonly byName = new Map<string, string[]>();

  constructor(list: Iterable<[string, string]> = []) {
    for (const [name, value] of list) this.append(name, value);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const existing = this.byName.get(key);
    if (existing) existing.push(trimHttpWhitespace(value));
    else this.byName.set(key, [trimHttpWhitespace(value)]);
  }

  delete(name: string): void {
    this.byName.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.byName.get(name.toLowerCase())?.join(', ') ?? null;
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.byName.set(name.toLowerCase(), [trimHttpWhitespace(value)]);
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of [...this.byName.keys()].sort()) {
      const values = this.byName.get(name)!;
      if (name === 'set-cookie') for (const value of values) yield [name, value];
      else yield [name, values.join(', ')];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}
