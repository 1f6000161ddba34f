import { createServer } from './server.js';

const port = Number(process.env.PORT ?? ${{ values.port }});
const server = createServer().listen(port, () => {
  console.log(`${{ values.name }} listening on :${port}`);
});

// Kubernetes sends SIGTERM before it stops a pod: finish the requests in flight, then exit.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
