import http from 'node:http';

/**
 * The service's HTTP server. `/healthz` is what Kubernetes' liveness and readiness probes ask
 * (deploy/base/deployment.yaml); add the service's own routes beside it.
 */
export function createServer() {
  return http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'not found' }));
  });
}
