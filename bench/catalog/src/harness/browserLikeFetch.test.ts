import http from 'node:http';
import { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { createBrowserLikeFetch } from './browserLikeFetch';

const ENCODERS: Record<string, (body: Buffer) => Buffer> = {
  gzip: body => zlib.gzipSync(body),
  deflate: body => zlib.deflateSync(body),
  br: body => zlib.brotliCompressSync(body),
  identity: body => body,
};

/** Answers with what it received, encoded as `?encoding=` says, with `?status=`. */
function startEchoServer() {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://localhost');
      const status = Number(url.searchParams.get('status') ?? 200);
      const encoding = url.searchParams.get('encoding') ?? 'identity';
      if (status === 204 || status === 205) {
        res.writeHead(status).end();
        return;
      }
      const echo = Buffer.from(
        JSON.stringify({
          method: req.method,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: req.headers,
        }),
      );
      const encode = ENCODERS[encoding] ?? ENCODERS.identity;
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-answered-by': 'echo',
        ...(encoding !== 'identity' && { 'content-encoding': encoding }),
      });
      res.end(encode(echo));
    });
  });
  return new Promise<{ baseUrl: string; close(): Promise<void> }>(resolve => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        close: () => new Promise(done => server.close(() => done())),
      });
    });
  });
}

describe('createBrowserLikeFetch', () => {
  let server: Awaited<ReturnType<typeof startEchoServer>>;
  const client = createBrowserLikeFetch();

  beforeAll(async () => {
    server = await startEchoServer();
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it.each(['gzip', 'deflate', 'br', 'identity'])(
    'hands over a %s answer decoded, without its Content-Encoding',
    async encoding => {
      const res = await client.fetch(`${server.baseUrl}/?encoding=${encoding}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('content-length')).toBeNull();
      expect(res.headers.get('x-answered-by')).toBe('echo');
      const echo = await res.json();
      expect(echo.method).toBe('GET');
      expect(echo.headers['accept-encoding']).toBe('gzip, deflate, br');
    },
  );

  it('sends the method, headers and body the catalog client gives it', async () => {
    const body = JSON.stringify({ entityRefs: ['component:default/ünïcode'] });
    const res = await client.fetch(`${server.baseUrl}/by-refs`, {
      method: 'POST',
      headers: new Headers({
        'content-type': 'application/json',
        authorization: 'Bearer t',
      }),
      body,
    });
    const echo = await res.json();
    expect(echo).toMatchObject({
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer t',
      },
    });
  });

  it('keeps error statuses and their bodies, and gives 204 and 205 no body', async () => {
    const notFound = await client.fetch(`${server.baseUrl}/?status=404`);
    expect(notFound.ok).toBe(false);
    expect(notFound.status).toBe(404);
    expect((await notFound.json()).method).toBe('GET');

    for (const status of [204, 205]) {
      const empty = await client.fetch(`${server.baseUrl}/?status=${status}`);
      expect(empty.status).toBe(status);
      expect(empty.body).toBeNull();
    }
  });

  it('refuses what it cannot send rather than sending something else', async () => {
    await expect(client.fetch('https://127.0.0.1/')).rejects.toThrow(
      'only speaks http',
    );
    await expect(
      client.fetch(`${server.baseUrl}/`, {
        method: 'POST',
        body: new Uint8Array([1]),
      }),
    ).rejects.toThrow('only sends string bodies');
    await expect(
      client.fetch(`${server.baseUrl}/`, {
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow('neither signals nor redirects');
  });

  it('fails when the server is not there', async () => {
    // Port 1 on loopback: privileged, nothing listens there on a test machine.
    await expect(client.fetch('http://127.0.0.1:1/')).rejects.toThrow(
      'ECONNREFUSED',
    );
  });
});
