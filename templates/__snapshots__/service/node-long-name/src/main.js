import { createServer } from './server.js';

const port = Number(process.env.PORT ?? 8080);
const server = createServer().listen(port, () => {
  console.log(`checkout-payment-reconciliation-worker listening on :${port}`);
});

// Kubernetes sends SIGTERM before it stops a pod: finish the requests in flight, then exit.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
