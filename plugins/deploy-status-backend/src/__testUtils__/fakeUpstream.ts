import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeUpstream {
  url: string;
  /** Requests received so far. */
  requests: number;
  close(): Promise<void>;
}

/** A loopback HTTP server answering every request with `answer` (or never, when it returns undefined). */
export async function startFakeUpstream(
  answer: (
    req: http.IncomingMessage,
  ) =>
    | { status: number; body: string; headers?: Record<string, string> }
    | undefined,
): Promise<FakeUpstream> {
  const sockets = new Set<import('node:net').Socket>();
  const fake = { requests: 0 } as FakeUpstream;
  const server = http.createServer((req, res) => {
    fake.requests += 1;
    const reply = answer(req);
    if (!reply) {
      return; // never answers: a hung upstream
    }
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      ...reply.headers,
    });
    res.end(reply.body);
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>(resolve => {
      sockets.forEach(s => s.destroy());
      server.close(() => resolve());
    });
  return fake;
}
