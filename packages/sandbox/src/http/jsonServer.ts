import http from 'node:http';
import { AddressInfo } from 'node:net';

/** What a route answers: JSON `body`, or plain `text` (a raw file). */
export interface JsonAnswer {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export type JsonHandler = (request: {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** A JSON or form-encoded request body, parsed. */
  body?: Record<string, unknown>;
}) => JsonAnswer | Promise<JsonAnswer>;

/** Takes over a request before the JSON handler (git over HTTP); returns false to pass it on. */
export type Interceptor = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
) => Promise<boolean>;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

async function readBody(
  req: http.IncomingMessage,
): Promise<Record<string, unknown> | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  if (String(req.headers['content-type']).includes('application/json')) {
    return JSON.parse(text);
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** A loopback HTTP server answering JSON, the shape every stand-in of the sandbox shares. */
export async function startJsonServer(
  port: number,
  handler: JsonHandler,
  intercept?: Interceptor,
): Promise<RunningServer> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    try {
      if (intercept && (await intercept(req, res))) return;
      const answer = await handler({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: await readBody(req),
      });
      const isText = answer.text !== undefined;
      res.writeHead(answer.status, {
        'content-type': isText
          ? 'text/plain; charset=utf-8'
          : 'application/json',
        ...answer.headers,
      });
      res.end(isText ? answer.text : JSON.stringify(answer.body));
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
      }
      res.end(JSON.stringify({ message: String(error) }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}
