import http from 'node:http';
import zlib from 'node:zlib';

/** What Chromium sends, less zstd, which the backend's compression middleware does not offer. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br';
/** Statuses whose Response must not have a body. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
/** A backend that stops answering ends the run with an error instead of hanging it. */
const REQUEST_TIMEOUT_MS = 60_000;

function decode(body: Buffer, contentEncoding: string | undefined): Buffer {
  switch (contentEncoding ?? 'identity') {
    case 'identity':
      return body;
    case 'gzip':
      return zlib.gunzipSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    default:
      throw new Error(`Unexpected Content-Encoding ${contentEncoding}`);
  }
}

function headersOf(incoming: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    // The body handed over is decoded, so its encoding and compressed length no longer apply.
    if (
      value === undefined ||
      name === 'content-encoding' ||
      name === 'content-length'
    ) {
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      headers.append(name, item);
    }
  }
  return headers;
}

function bodyOf(init: RequestInit | undefined): string | undefined {
  if (init?.body === undefined || init.body === null) return undefined;
  if (typeof init.body !== 'string') {
    throw new Error('browserLikeFetch only sends string bodies');
  }
  return init.body;
}

/**
 * A `fetch` for the benchmark's catalog client, on node:http with one keep-alive connection pool,
 * asking for compression as a browser does and decoding the answer before handing it over.
 *
 * Why not Node's own fetch: on these machines the benchmark client shares two cores with the
 * backend and PostgreSQL, and Node's fetch (undici, WHATWG streams) spends enough CPU of its own
 * on every answer to show in the catalog's figures (measured in docs/benchmarks.md, "the
 * client's share"). A browser decodes in its network process, off the page's thread.
 */
export function createBrowserLikeFetch(): {
  fetch: typeof fetch;
  close(): void;
} {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  // async, so that a refusal is a rejected promise as fetch gives, not a throw
  const browserLikeFetch = async (
    input: RequestInfo | URL,
    init?: RequestInit,
  ): Promise<Response> => {
    if (input instanceof Request) {
      throw new Error('browserLikeFetch takes a URL, not a Request');
    }
    const url = new URL(input);
    if (url.protocol !== 'http:') {
      throw new Error(`browserLikeFetch only speaks http, not ${url.href}`);
    }
    if (init?.signal || (init?.redirect && init.redirect !== 'follow')) {
      throw new Error(
        'browserLikeFetch supports neither signals nor redirects',
      );
    }
    const body = bodyOf(init);
    const headers: Record<string, string> = {
      ...Object.fromEntries(new Headers(init?.headers).entries()),
      'accept-encoding': BROWSER_ACCEPT_ENCODING,
    };
    if (body !== undefined) {
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise<Response>((resolve, reject) => {
      const request = http.request(
        url,
        { method: init?.method ?? 'GET', headers, agent },
        incoming => {
          const chunks: Buffer[] = [];
          incoming.on('data', chunk => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            try {
              const decoded = decode(
                Buffer.concat(chunks),
                incoming.headers['content-encoding'],
              );
              const status = incoming.statusCode ?? 0;
              resolve(
                new Response(NULL_BODY_STATUSES.has(status) ? null : decoded, {
                  status,
                  statusText: incoming.statusMessage,
                  headers: headersOf(incoming.headers),
                }),
              );
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      request.on('error', reject);
      request.setTimeout(REQUEST_TIMEOUT_MS, () =>
        request.destroy(
          new Error(`No answer from ${url.href} in ${REQUEST_TIMEOUT_MS} ms`),
        ),
      );
      request.end(body);
    });
  };
  return {
    fetch: browserLikeFetch as typeof fetch,
    close: () => agent.destroy(),
  };
}
