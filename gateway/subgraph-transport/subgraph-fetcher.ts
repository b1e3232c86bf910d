import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { BufferedResponse } from './buffered-response';

// Idle sockets are dropped after 4 s, before Node's default server keepAliveTimeout (5 s) closes them
// from the other side; that keeps a reused socket from being reset under a request in flight.
const IDLE_SOCKET_MS = 4_000;

/**
 * The gateway→subgraph fetcher: node:http(s) over keep-alive agents, answer buffered into a lean
 * Fetch-style response (buffered-response.ts). Replaces Apollo's default (make-fetch-happen), whose
 * agent captures a stack trace per request and whose layers cost ~5× the CPU per fetch
 * (bench/profile/fetchers.ts). Redirects are not followed.
 */
export function createSubgraphFetcher(): Fetcher {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
    'https:': new HttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  };
  return (url: string, init: FetcherRequestInit = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const target = new URL(url);
      const protocol = target.protocol as keyof typeof agents;
      if (!(protocol in agents)) return reject(new TypeError(`subgraph URL ${url}: only http: and https: are supported`));
      const send = protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        target,
        { method: init.method ?? 'GET', headers: init.headers, agent: agents[protocol], signal: init.signal as AbortSignal | undefined },
        (res) => {
          readBody(res)
            .then((body) => toResponse(url, res, body))
            .then(resolve, reject);
        },
      );
      req.on('error', reject);
      req.end(init.body);
    });
}

/** The shared fetcher every SignedIdentityDataSource uses (one keep-alive pool per process). */
export const subgraphFetcher: Fetcher = createSubgraphFetcher();

function readBody(res: IncomingMessage): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
  // Nothing asks for compression, but decode it if a subgraph sends it anyway (make-fetch-happen did).
  const decoder =
    encoding === 'gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  const stream = decoder ? res.pipe(decoder) : res;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    if (decoder) res.on('error', reject);
  });
}

function toResponse(url: string, res: IncomingMessage, body: Buffer): FetcherResponse {
  // rawHeaders keeps repeated headers (e.g. set-cookie) as separate values.
  const headers: [string, string][] = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
  return bufferedResponse(url, res.statusCode ?? 0, res.statusMessage ?? '', headers, body);
}

/** A Fetch-style response over an answer already read into memory, with the URL it came from. */
export function bufferedResponse(
  url: string,
  status: number,
  statusText: string,
  headerList: [string, string][],
  body: Buffer,
): FetcherResponse {
  return new BufferedResponse(url, status, statusText, headerList, body);
}
