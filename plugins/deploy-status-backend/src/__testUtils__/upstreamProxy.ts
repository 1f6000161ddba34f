import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface UpstreamProxy {
  url: string;
  /** Path and query of every request forwarded so far, in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of an upstream (the sandbox): it answers `delayMs` later than the
 * upstream would (the benchmark's 50 ms) and records what it was asked (tests count requests).
 */
export async function startUpstreamProxy(
  target: string,
  options: { delayMs?: number } = {},
): Promise<UpstreamProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    setTimeout(() => {
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
          agent,
        },
        answer => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(forward);
    }, options.delayMs ?? 0);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}
