/** One request outside any load (answer checks), with Node's fetch. */
import type { BenchRequest } from './wrk';

export async function send(request: BenchRequest): Promise<{ status: number; body: string }> {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  return { status: res.status, body: await res.text() };
}
