import type { FetcherResponse } from '@apollo/utils.fetcher';
import { BufferedHeaders } from './buffered-headers';

// Statuses whose response has no body (the Fetch API refuses one).
const NULL_BODY = new Set([204, 205, 304]);
const BOM = 0xfeff;

/**
 * The FetcherResponse Apollo's RemoteGraphQLDataSource reads, over an answer already in memory. A
 * WHATWG Response cost the gateway several percent of its CPU (webidl conversions, header validation,
 * body extraction, abort signals) for bytes node:http had already parsed. Same reading semantics as
 * Fetch: the body reads once (bodyUsed), UTF-8 with a leading BOM dropped, json() rejects on invalid
 * JSON, and 204/205/304 carry no body.
 */
export class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly headers: BufferedHeaders;
  private readonly body: Buffer | null;
  private used = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: Iterable<[string, string]>,
    body: Buffer,
  ) {
    this.headers = new BufferedHeaders(headers);
    this.body = NULL_BODY.has(status) ? null : body;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  /** As in Fetch, a response without a body is never "used". */
  get bodyUsed(): boolean {
    return this.used;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.consume();
    // A copy: a small Buffer is a view into a shared pool, and the caller owns what it gets.
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    const text = this.consume().toString('utf8');
    return text.charCodeAt(0) === BOM ? text.slice(1) : text;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  clone(): BufferedResponse {
    if (this.used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse(this.url, this.status, this.statusText, this.headers, this.body ?? Buffer.alloc(0));
  }

  private consume(): Buffer {
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    if (!this.body) return Buffer.alloc(0);
    this.used = true;
    return this.body;
  }
}
