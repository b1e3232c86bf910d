import { BufferedResponse } from '../../../gateway/subgraph-transport/buffered-response';

const URL = 'http://127.0.0.1:4001/graphql';
const JSON_TYPE: [string, string] = ['Content-Type', 'application/json'];
const answer = (body: string | Buffer, status = 200, headers: [string, string][] = [JSON_TYPE]) =>
  new BufferedResponse(URL, status, 'OK', headers, Buffer.isBuffer(body) ? body : Buffer.from(body));

/** What the WHATWG Response this replaces did with the same answer: bytes (so no default content-type), none for 204/205/304. */
const fetchResponse = (body: string | null, status = 200, headers: [string, string][] = [JSON_TYPE]) =>
  new Response(body === null ? null : Buffer.from(body), { status, statusText: 'OK', headers });

describe('BufferedResponse (a subgraph answer as Apollo reads it)', () => {
  it('carries the url, status, statusText, ok and redirected', () => {
    const res = new BufferedResponse(URL, 503, 'Busy', [], Buffer.from('later'));
    expect(res).toMatchObject({ url: URL, status: 503, statusText: 'Busy', ok: false, redirected: false });
    expect(answer('{}', 200).ok).toBe(true);
    expect(answer('{}', 299).ok).toBe(true);
    expect(answer('', 304).ok).toBe(false);
  });

  it('reads headers case-insensitively and joins repeated ones with ", " as Fetch does', () => {
    const list: [string, string][] = [
      ['Content-Type', 'application/json'],
      ['Cache-Control', 'max-age=60'],
      ['cache-control', 'public'],
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['X-Padded', ' \tv\t '],
    ];
    const res = answer('{}', 200, list);
    const reference = fetchResponse('{}', 200, list);
    for (const name of ['content-type', 'CONTENT-TYPE', 'cache-control', 'Set-Cookie', 'x-padded', 'absent']) {
      expect(res.headers.get(name)).toBe(reference.headers.get(name));
      expect(res.headers.has(name)).toBe(reference.headers.has(name));
    }
    expect(res.headers.get('Cache-Control')).toBe('max-age=60, public');
    expect(res.headers.get('x-padded')).toBe('v');
    expect(res.headers.get('absent')).toBeNull();
  });

  it('iterates like Fetch: lower-case names in order, repeated values combined, set-cookie one by one', () => {
    const list: [string, string][] = [
      ['X-B', '2'],
      ['Set-Cookie', 'a=1'],
      ['x-a', '1'],
      ['X-B', '3'],
      ['set-cookie', 'b=2'],
    ];
    const res = answer('{}', 200, list);
    const expected = [...fetchResponse('{}', 200, list).headers];
    expect([...res.headers]).toEqual(expected);
    expect([...res.headers]).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['x-a', '1'],
      ['x-b', '2, 3'],
    ]);
    expect([...res.headers.entries()]).toEqual(expected);
    expect([...res.headers.keys()]).toEqual(expected.map(([name]) => name));
    expect([...res.headers.values()]).toEqual(expected.map(([, value]) => value));
  });

  it('lets headers be changed, as a constructed Response does', () => {
    const res = answer('{}');
    res.headers.set('Age', '5');
    res.headers.append('age', '6');
    expect(res.headers.get('AGE')).toBe('5, 6');
    res.headers.delete('Content-TYPE');
    expect(res.headers.has('content-type')).toBe(false);
  });

  it('reads the body as JSON, text or bytes, and only once', async () => {
    const body = '{"data":{"name":"京东"}}';
    const json = answer(body);
    expect(json.bodyUsed).toBe(false);
    await expect(json.json()).resolves.toEqual({ data: { name: '京东' } });
    expect(json.bodyUsed).toBe(true);
    await expect(json.text()).rejects.toThrow(TypeError);
    await expect(answer(body).text()).resolves.toBe(body);
    const bytes = await answer(body).arrayBuffer();
    expect(bytes).toBeInstanceOf(ArrayBuffer);
    expect(Buffer.from(bytes).toString('utf8')).toBe(body);
  });

  it('hands out bytes the caller owns: writing them changes nothing for other readers', async () => {
    // A small Buffer is a view into a shared pool; arrayBuffer must copy only its own bytes.
    const shared = Buffer.from('xx{"a":1}yy');
    const body = shared.subarray(2, 9);
    const first = answer(body);
    const second = first.clone();
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(bytes.byteLength).toBe(7);
    bytes.fill(0);
    await expect(second.json()).resolves.toEqual({ a: 1 });
    expect(shared.toString()).toBe('xx{"a":1}yy');
  });

  it('drops a UTF-8 byte order mark, as Fetch decoding does', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]);
    await expect(answer(withBom).json()).resolves.toEqual({ a: 1 });
    await expect(answer(withBom).text()).resolves.toBe(await new Response(withBom).text());
  });

  it('rejects invalid JSON with the SyntaxError Fetch gives', async () => {
    const error = await answer('<html>busy</html>')
      .json()
      .catch((e: unknown) => e);
    const reference = await fetchResponse('<html>busy</html>')
      .json()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as Error).message).toBe((reference as Error).message);
    await expect(answer('').json()).rejects.toThrow(SyntaxError);
  });

  it.each([204, 205, 304])('gives status %i no body, whatever was read', async (status) => {
    const res = answer('ignored', status);
    const reference = fetchResponse(null, status);
    await expect(res.text()).resolves.toBe('');
    expect(res.bodyUsed).toBe(reference.bodyUsed);
    await expect(res.json()).rejects.toThrow(SyntaxError);
    expect((await answer('ignored', status).arrayBuffer()).byteLength).toBe(0);
  });

  it('clones into an independent copy: its own body and headers', async () => {
    const original = answer('{"a":1}', 200, [JSON_TYPE, ['x-a', '1']]);
    const copy = original.clone();
    expect(copy).toMatchObject({ url: URL, status: 200, statusText: 'OK' });
    copy.headers.set('x-a', '2');
    expect(original.headers.get('x-a')).toBe('1');
    await expect(copy.json()).resolves.toEqual({ a: 1 });
    expect(original.bodyUsed).toBe(false);
    await expect(original.text()).resolves.toBe('{"a":1}');
    expect(() => original.clone()).toThrow(TypeError);
  });
});
