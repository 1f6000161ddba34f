import http from 'node:http';
import { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';

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
  // Idle sockets go before the upstream's own keep-alive timeout (Node's 5 s) closes them: a
  // request sent on a socket the server is closing at that moment is reset, and answered 502.
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: 256,
    timeout: 4000,
  });
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    setTimeout(() => {
      if (res.destroyed) {
        return; // the caller gave up (its deadline) while the answer was held back
      }
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
          // Both ends go when either fails: an answer nobody reads must not hold its socket.
          pipeline(answer, res, () => undefined);
        },
      );
      forward.on('error', () => {
        if (!res.headersSent) {
          res.writeHead(502);
        }
        res.end();
      });
      // A caller that gives up (its deadline) ends the forwarded request too.
      res.on('close', () => {
        if (!res.writableFinished) {
          forward.destroy();
        }
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
