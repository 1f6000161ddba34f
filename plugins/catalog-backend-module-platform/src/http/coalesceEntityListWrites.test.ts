import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express, { RequestHandler } from 'express';
import request from 'supertest';
import {
  COALESCE_LIMIT_BYTES,
  coalesceEntityListWrites,
} from './coalesceEntityListWrites';

/** The backend's own middleware (compression and the error handler), as the root router has them. */
const middleware = MiddlewareFactory.create({
  config: mockServices.rootConfig(),
  logger: mockServices.logger.mock(),
});

/** What reached the compression middleware: one entry per write or end that carried data. */
type Pieces = number[];

/**
 * The backend's stack as it is in front of the catalog: the real compression middleware (as the
 * root HTTP router applies it), then what this test watches, then the middleware under test and a
 * route that streams entities the way the catalog's writeEntitiesResponse does.
 */
function appWith(options: { coalesce: boolean; entities: string[] }) {
  const pieces: Pieces = [];
  const watch: RequestHandler = (_req, res, next) => {
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    res.write = ((chunk: Buffer, ...rest: unknown[]) => {
      pieces.push(Buffer.byteLength(chunk));
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (Buffer.isBuffer(chunk) || typeof chunk === 'string') {
        pieces.push(Buffer.byteLength(chunk));
      }
      return end(chunk, ...rest);
    }) as typeof res.end;
    next();
  };
  const streamEntities: RequestHandler = async (_req, res) => {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.write('{"items":', 'utf8');
    for (const [i, entity] of options.entities.entries()) {
      if (!res.write(`${i ? ',' : '['}${entity}`, 'utf8')) {
        await new Promise(resolve => res.once('drain', resolve));
      }
    }
    res.end(`${options.entities.length ? '' : '['}]}`);
  };

  const app = express();
  app.use(middleware.compression());
  app.use(watch);
  if (options.coalesce) {
    app.use(coalesceEntityListWrites());
  }
  app.post('/entities/by-refs', streamEntities);
  app.get('/entities/by-query', streamEntities);
  app.get('/locations', streamEntities);
  app.get('/entity/:name', (req, res) => {
    res.json({ name: req.params.name });
  });
  // The catalog answers some lists with res.json (entities already parsed).
  app.get('/entities', (_req, res) => {
    res.json({ items: options.entities.map(e => JSON.parse(e)) });
  });
  return { app, pieces };
}

function entities(count: number, bytesEach = 1800) {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      kind: 'Component',
      metadata: { name: `service-${i}`, description: 'x'.repeat(bytesEach) },
    }),
  );
}

describe('coalesceEntityListWrites', () => {
  const fifty = entities(50);
  const expected = { items: fifty.map(e => JSON.parse(e)) };

  /** The same request to the stack without and with the middleware. */
  async function withoutAndWith(send: (app: express.Express) => request.Test) {
    const plain = appWith({ coalesce: false, entities: fifty });
    const coalesced = appWith({ coalesce: true, entities: fifty });
    return {
      before: await send(plain.app),
      after: await send(coalesced.app),
      piecesBefore: plain.pieces,
      piecesAfter: coalesced.pieces,
    };
  }

  it('hands a by-refs answer of 50 entities to compression in one piece', async () => {
    const { before, after, piecesBefore, piecesAfter } = await withoutAndWith(
      app =>
        request(app).post('/entities/by-refs').set('Accept-Encoding', 'gzip'),
    );
    expect(before.headers['content-encoding']).toBe('gzip');
    expect(after.headers['content-encoding']).toBe('gzip');
    expect(after.body).toEqual(expected);
    expect(after.body).toEqual(before.body);
    // The catalog's way: a write per entity, plus the wrapper's opening and closing.
    expect(piecesBefore).toHaveLength(52);
    expect(piecesAfter).toEqual([Buffer.byteLength(JSON.stringify(expected))]);
  });

  it('sends the same bytes uncompressed', async () => {
    const { before, after, piecesAfter } = await withoutAndWith(app =>
      request(app).get('/entities/by-query').set('Accept-Encoding', 'identity'),
    );
    expect(after.headers['content-encoding']).toBeUndefined();
    expect(after.text).toBe(before.text);
    expect(JSON.parse(after.text)).toEqual(expected);
    expect(piecesAfter).toHaveLength(1);
  });

  it('holds at most about 1 MiB of a long list before handing it on, and keeps every byte', async () => {
    const many = entities(2000, 4000); // ~8 MB
    const { app, pieces } = appWith({ coalesce: true, entities: many });
    const response = await request(app)
      .get('/entities/by-query')
      .set('Accept-Encoding', 'gzip');
    expect(response.body.items).toHaveLength(2000);
    expect(response.body.items[1999].metadata.name).toBe('service-1999');
    // ~8 MB in pieces of about 1 MiB each (one entity over the limit at most), not 2,002 writes.
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.length).toBeLessThan(12);
    expect(Math.max(...pieces)).toBeLessThan(COALESCE_LIMIT_BYTES + 5000);
  });

  it('passes res.json answers through whole', async () => {
    const { app, pieces } = appWith({ coalesce: true, entities: fifty });
    const response = await request(app)
      .get('/entities')
      .set('Accept-Encoding', 'gzip');
    expect(response.body).toEqual(expected);
    expect(pieces).toHaveLength(1);
  });

  it('answers with the error, not half a list, when a list fails half-way', async () => {
    const app = express();
    app.use(middleware.compression());
    app.use(coalesceEntityListWrites());
    app.get('/entities/by-query', (_req, res, next) => {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.write('{"items":[');
      res.write(fifty[0]);
      next(new Error('the database went away'));
    });
    app.use(middleware.error());
    const response = await request(app).get('/entities/by-query');
    expect(response.status).toBe(500);
    expect(response.text).toContain('the database went away');
    expect(response.text).not.toContain('items');
  });

  it('answers an empty list', async () => {
    const { app } = appWith({ coalesce: true, entities: [] });
    const response = await request(app).post('/entities/by-refs');
    expect(response.body).toEqual({ items: [] });
  });

  it('leaves other routes as they are', async () => {
    const { app, pieces } = appWith({ coalesce: true, entities: fifty });
    const response = await request(app).get('/locations');
    expect(JSON.parse(response.text)).toEqual(expected);
    expect(pieces).toHaveLength(52);

    const single = await request(app).get('/entity/checkout');
    expect(single.body).toEqual({ name: 'checkout' });
  });
});
