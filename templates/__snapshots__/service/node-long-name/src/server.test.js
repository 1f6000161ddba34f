import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createServer } from './server.js';

let server;
let baseUrl;

before(async () => {
  server = createServer();
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

test('answers the health probe', async () => {
  const response = await fetch(`${baseUrl}/healthz`);
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { status: 'ok' });
});

test('answers 404 for an unknown path', async () => {
  const response = await fetch(`${baseUrl}/nope`);
  assert.equal(response.status, 404);
});
