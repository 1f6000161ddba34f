import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import unprocessedEntities from '@backstage/plugin-catalog-backend-module-unprocessed';
import catalogModulePlatform from '@internal/plugin-catalog-backend-module-platform';
import {
  developmentCatalogLocations,
  developmentCatalogRules,
  entityRefsDeclaredIn,
  exampleCatalogGlobs,
  repoRoot,
} from './__testUtils__/exampleCatalog';

// PostgreSQL joins when the test command provides a server (scripts/test.sh sets
// BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING); SQLite always runs.
const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

jest.setTimeout(120_000);

/** Copies made by the tests, removed when they are done (each holds templates/ and examples/). */
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Copies what app-config.yaml's catalog locations point at (examples/, templates/,
 * catalog-info.yaml) so a test can break a file without touching the repo.
 */
function copyCatalogSources(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-catalog-'));
  copies.push(dir);
  const topLevel = new Set(exampleCatalogGlobs.map(g => g.split(path.sep)[0]));
  for (const entry of topLevel) {
    fs.cpSync(path.join(repoRoot, entry), path.join(dir, entry), {
      recursive: true,
    });
  }
  return dir;
}

async function startCatalog(
  databaseId: TestDatabaseId,
  root: string,
  extraCatalogConfig: Record<string, unknown> = {},
  extraConfig: Record<string, unknown> = {},
) {
  const knex = await databases.init(databaseId);
  return startTestBackend({
    features: [
      catalogPlugin,
      scaffolderEntityModel,
      catalogModulePlatform,
      unprocessedEntities,
      // The real scheduler: the mock one runs each task once at start-up, and the check for
      // missing relation targets has to run repeatedly.
      schedulerServiceFactory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          ...extraConfig,
          catalog: {
            rules: developmentCatalogRules,
            // The locations of app-config.yaml, rooted at the copy.
            locations: developmentCatalogLocations.map(location => ({
              ...location,
              target: path.join(root, location.target),
            })),
            ...extraCatalogConfig,
          },
        },
      }),
    ],
  });
}

interface CatalogEntity {
  kind: string;
  metadata: { name: string; namespace?: string; description?: string };
  relations?: Array<{ type: string; targetRef: string }>;
  status?: { items?: Array<{ level: string; error?: { message: string } }> };
}

const refOf = (e: CatalogEntity) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLocaleLowerCase('en-US');

async function allEntities(backend: TestBackend): Promise<CatalogEntity[]> {
  const res = await request(backend.server)
    .get('/api/catalog/entities')
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body;
}

/** Waits until every expected ref is in the catalog and returns all entities. */
async function waitForEntities(backend: TestBackend, refs: string[]) {
  let missing: string[] = refs;
  try {
    return await waitFor(async () => {
      const entities = await allEntities(backend);
      const present = new Set(entities.map(refOf));
      missing = refs.filter(r => !present.has(r));
      return missing.length === 0 ? entities : undefined;
    });
  } catch {
    const pending = await request(backend.server)
      .get('/api/catalog/entities/unprocessed/pending')
      .set('Authorization', mockCredentials.user.header());
    const errors = (pending.body.entities as UnprocessedEntity[] | undefined)
      ?.flatMap(e => e.errors ?? [])
      .map(e => e.message);
    throw new Error(
      `Entities never appeared: ${missing.join(', ')}\nCatalog errors: ${
        errors?.join('\n') || 'none'
      }`,
    );
  }
}

const errorsOf = (e: CatalogEntity) =>
  (e.status?.items ?? []).filter(i => i.level === 'error');

/** Waits until the entity is in the catalog with (or without) processing errors. */
async function waitForEntity(
  backend: TestBackend,
  ref: string,
  state: 'with errors' | 'without errors',
): Promise<CatalogEntity> {
  return waitFor(async () => {
    const entity = (await allEntities(backend)).find(e => refOf(e) === ref);
    const hasErrors = entity ? errorsOf(entity).length > 0 : false;
    return entity && hasErrors === (state === 'with errors')
      ? entity
      : undefined;
  });
}

/** A service Component's catalog file, owned by the examples' platform team. */
function serviceYaml(
  name: string,
  extra: { description?: string; dependsOn?: string } = {},
): string {
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    ...(extra.description ? [`  description: ${extra.description}`] : []),
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: group:platform-team',
    ...(extra.dependsOn ? [`  dependsOn: [${extra.dependsOn}]`] : []),
    '',
  ].join('\n');
}

describe.each(databases.eachSupportedId())('catalog on %s', databaseId => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it('loads the example catalog with zero processing errors', async () => {
    const root = copyCatalogSources();
    const expected = entityRefsDeclaredIn(root, exampleCatalogGlobs);
    backend = await startCatalog(databaseId, root);

    const entities = await waitForEntities(backend, expected);

    const withErrors = entities.filter(e => errorsOf(e).length > 0);
    expect(withErrors.map(e => [refOf(e), errorsOf(e)])).toEqual([]);
    expect(expected.length).toBeGreaterThanOrEqual(100);
    const known = new Set(entities.map(refOf));
    const dangling = entities.flatMap(e =>
      (e.relations ?? [])
        .filter(r => !known.has(r.targetRef))
        .map(r => `${refOf(e)} ${r.type} ${r.targetRef}`),
    );
    expect(dangling).toEqual([]);

    // The graph path service → pipeline → environment → cluster, in both directions.
    const relationsOf = (ref: string) =>
      (entities.find(e => refOf(e) === ref)?.relations ?? []).map(
        r => `${r.type} ${r.targetRef}`,
      );
    expect(relationsOf('component:default/checkout-api')).toContain(
      'builtBy pipeline:default/checkout-api-ci',
    );
    expect(relationsOf('pipeline:default/checkout-api-ci')).toEqual(
      expect.arrayContaining([
        'builds component:default/checkout-api',
        'deploysTo environment:default/production',
        'ownedBy group:default/checkout-team',
      ]),
    );
    expect(relationsOf('environment:default/production')).toEqual(
      expect.arrayContaining([
        'deploymentTargetOf pipeline:default/checkout-api-ci',
        'promotedFrom environment:default/staging',
        'dependsOn resource:default/prod-eu-1',
      ]),
    );
    expect(relationsOf('resource:default/prod-eu-1')).toContain(
      'dependencyOf environment:default/production',
    );
  });

  it('rejects a Pipeline with an unknown field, naming it, while the rest loads', async () => {
    const root = copyCatalogSources();
    const expected = entityRefsDeclaredIn(root, exampleCatalogGlobs);
    fs.writeFileSync(
      path.join(root, 'examples/bad-pipeline.yaml'),
      [
        'apiVersion: platformportal.io/v1alpha1',
        'kind: Pipeline',
        'metadata:',
        '  name: typo-ci',
        'spec:',
        '  type: gitlab-ci',
        '  owner: group:platform-team',
        '  project: platform/typo',
        '  defaultRef: main',
        '  stages: [build]',
        "  schedule: '0 3 * * *'",
        '',
      ].join('\n'),
    );
    backend = await startCatalog(databaseId, root);

    const entities = await waitForEntities(backend, expected);
    expect(entities.filter(e => errorsOf(e).length > 0)).toEqual([]);
    const rejected = await waitFor(async () => {
      const res = await request(backend!.server)
        .get('/api/catalog/entities/unprocessed/pending')
        .set('Authorization', mockCredentials.user.header());
      const items: UnprocessedEntity[] = res.body.entities;
      return items.find(
        i => i.unprocessed_entity.metadata?.name === 'typo-ci' && i.errors,
      );
    });
    expect(rejected.errors?.map(e => e.message).join('\n')).toMatch(
      /\/spec must NOT have additional properties - additionalProperty: schedule/,
    );
  });

  // Reprocess every few seconds, so a file added after the first load is read soon.
  const quickRefresh = {
    processingInterval: { seconds: 2 },
    platform: { missingTargetCheckSeconds: 1 },
  };

  it('shows a duplicate definition on the entity kept, naming both files, while the rest loads', async () => {
    const root = copyCatalogSources();
    const expected = entityRefsDeclaredIn(root, exampleCatalogGlobs);
    fs.writeFileSync(
      path.join(root, 'examples/first.yaml'),
      serviceYaml('twice-defined', { description: 'the first definition' }),
    );
    backend = await startCatalog(databaseId, root, quickRefresh);
    await waitForEntities(backend, [
      ...expected,
      'component:default/twice-defined',
    ]);

    // A second file defines the same entity, next to one that is new.
    fs.writeFileSync(
      path.join(root, 'examples/second.yaml'),
      [
        serviceYaml('twice-defined', { description: 'the second definition' }),
        serviceYaml('defined-once', { description: 'new' }),
      ].join('---\n'),
    );
    const entities = await waitForEntities(backend, [
      'component:default/defined-once',
    ]);
    const kept = await waitForEntity(
      backend!,
      'component:default/twice-defined',
      'with errors',
    );
    expect(errorsOf(kept).map(e => e.error?.message)).toEqual([
      expect.stringMatching(
        /^component:default\/twice-defined is defined twice: in file:.*examples\/first\.yaml, which the catalog keeps, and in file:.*examples\/second\.yaml, which is ignored\./,
      ),
    ]);
    expect(kept.metadata.description).toBe('the first definition');
    expect(
      entities.filter(
        e =>
          errorsOf(e).length && refOf(e) !== 'component:default/twice-defined',
      ),
    ).toEqual([]);

    // Removing the second definition clears the error.
    fs.writeFileSync(
      path.join(root, 'examples/second.yaml'),
      serviceYaml('defined-once', { description: 'new' }),
    );
    await waitForEntity(
      backend!,
      'component:default/twice-defined',
      'without errors',
    );
  });

  it('shows a relation to a missing entity on the entity that declares it', async () => {
    const root = copyCatalogSources();
    const expected = entityRefsDeclaredIn(root, exampleCatalogGlobs);
    fs.writeFileSync(
      path.join(root, 'examples/dangling.yaml'),
      serviceYaml('dangling-service', {
        dependsOn: 'resource:no-such-database',
      }),
    );
    backend = await startCatalog(databaseId, root, quickRefresh);
    await waitForEntities(backend, [
      ...expected,
      'component:default/dangling-service',
    ]);

    const flagged = await waitForEntity(
      backend!,
      'component:default/dangling-service',
      'with errors',
    );
    expect(errorsOf(flagged).map(e => e.error?.message)).toEqual([
      'dependsOn resource:default/no-such-database: no such entity in the catalog. Fix the reference or add the entity.',
    ]);
    // The entity stays in the catalog with what it declares; nothing else is flagged.
    expect(flagged.relations).toContainEqual(
      expect.objectContaining({
        type: 'dependsOn',
        targetRef: 'resource:default/no-such-database',
      }),
    );
    const others = (await allEntities(backend)).filter(
      e =>
        errorsOf(e).length && refOf(e) !== 'component:default/dangling-service',
    );
    expect(others).toEqual([]);

    // Fixing the reference clears the error.
    fs.writeFileSync(
      path.join(root, 'examples/dangling.yaml'),
      serviceYaml('dangling-service'),
    );
    await waitForEntity(
      backend!,
      'component:default/dangling-service',
      'without errors',
    );
  });

  it('reports a catalog file with a syntax error on its location while the rest loads', async () => {
    const root = copyCatalogSources();
    const expected = entityRefsDeclaredIn(root, exampleCatalogGlobs);
    const brokenFile = path.join(root, 'examples/broken.yaml');
    fs.writeFileSync(
      brokenFile,
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: [unclosed\n',
    );
    backend = await startCatalog(databaseId, root);

    const entities = await waitForEntities(backend, expected);
    expect(entities.filter(e => errorsOf(e).length > 0)).toEqual([]);

    // The broken file's own Location failed on its own, with an error naming file and line. The
    // unprocessed-entities API lists it under "pending": it never produced a catalog entity.
    const failed = await waitFor(async () => {
      const res = await request(backend!.server)
        .get('/api/catalog/entities/unprocessed/pending')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      const items: UnprocessedEntity[] = res.body.entities;
      return items.find(
        i => i.unprocessed_entity.spec?.target === brokenFile && i.errors,
      );
    });
    expect(failed.unprocessed_entity.kind).toBe('Location');
    expect(failed.errors?.map(e => e.message)).toEqual([
      expect.stringMatching(
        /^YAML error at file:.*examples\/broken\.yaml, .* at line 5, column 1/,
      ),
    ]);
  });
});

/**
 * A repository the portal does not trust, as GitLab discovery finds one: a catalog file served
 * over HTTP, registered as a `url` location (what discovery and the scaffolder register).
 */
async function serveRepository(
  files: Record<string, string>,
): Promise<{ host: string; url(file: string): string; close(): void }> {
  const server = http.createServer((req, res) => {
    const body = files[req.url ?? ''];
    res.writeHead(body === undefined ? 404 : 200).end(body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    url: file => `http://${host}${file}`,
    close: () => server.close(),
  };
}

describe.each(databases.eachSupportedId())(
  'the trust rules of the catalog on %s',
  databaseId => {
    let backend: TestBackend | undefined;
    afterEach(async () => {
      await backend?.stop();
      backend = undefined;
    });

    it('refuses a User, Group, Template and Environment from a repository it does not trust, each naming its rule, while the rest loads', async () => {
      const root = copyCatalogSources();
      const expected = entityRefsDeclaredIn(root, exampleCatalogGlobs);
      const file = '/shop/cart/catalog-info.yaml';
      const repository = await serveRepository({
        [file]: [
          serviceYaml('cart'),
          // Someone else's email and the platform team: what sign-in would resolve to.
          [
            'apiVersion: backstage.io/v1alpha1',
            'kind: User',
            'metadata:',
            '  name: mallory',
            'spec:',
            '  profile:',
            '    email: ada.lovelace@example.com',
            '  memberOf: [platform-team]',
            '',
          ].join('\n'),
          [
            'apiVersion: backstage.io/v1alpha1',
            'kind: Group',
            'metadata:',
            '  name: intruders',
            'spec:',
            '  type: team',
            '  children: []',
            '',
          ].join('\n'),
          [
            'apiVersion: scaffolder.backstage.io/v1beta3',
            'kind: Template',
            'metadata:',
            '  name: sneaky-template',
            'spec:',
            '  type: service',
            '  steps: []',
            '',
          ].join('\n'),
          [
            'apiVersion: platformportal.io/v1alpha1',
            'kind: Environment',
            'metadata:',
            '  name: shadow-production',
            'spec:',
            '  type: production',
            '  owner: group:platform-team',
            '  production: true',
            '  promotionOrder: 9',
            '  clusters: [prod-eu-1]',
            '',
          ].join('\n'),
        ].join('---\n'),
      });
      try {
        backend = await startCatalog(
          databaseId,
          root,
          {},
          { backend: { reading: { allow: [{ host: repository.host }] } } },
        );
        await waitForEntities(backend, expected);
        const registered = await request(backend.server)
          .post('/api/catalog/locations')
          .set('Authorization', mockCredentials.user.header())
          .send({ type: 'url', target: repository.url(file) });
        expect(registered.status).toBe(201);

        const entities = await waitForEntities(backend, [
          'component:default/cart',
        ]);
        const refused = await waitFor(async () => {
          const res = await request(backend!.server)
            .get('/api/catalog/entities/unprocessed/pending')
            .set('Authorization', mockCredentials.user.header());
          const items = (res.body.entities as UnprocessedEntity[]).filter(
            i => i.errors?.length,
          );
          const byName: Record<string, UnprocessedEntity> = Object.fromEntries(
            items.map(i => [i.unprocessed_entity.metadata?.name, i]),
          );
          const names = [
            'mallory',
            'intruders',
            'sneaky-template',
            'shadow-production',
          ];
          return names.every(n => byName[n]) ? byName : undefined;
        });
        for (const [name, rule] of [
          ['mallory', 'organisation-kinds'],
          ['intruders', 'organisation-kinds'],
          ['sneaky-template', 'platform-kinds'],
          ['shadow-production', 'platform-kinds'],
        ]) {
          const { errors, unprocessed_entity } = refused[name];
          expect([name, errors?.map(e => e.message).join('\n')]).toEqual([
            name,
            expect.stringContaining(
              `is refused by the catalog's trust rules (rule "${rule}")`,
            ),
          ]);
          expect(errors?.[0].message).toContain(
            `It was read from url:${repository.url(file)}.`,
          );
          // The unprocessed-entities page shows the location with the error.
          expect(
            unprocessed_entity.metadata?.annotations?.[
              'backstage.io/managed-by-location'
            ],
          ).toBe(`url:${repository.url(file)}`);
        }
        // Sign-in by that email still finds the real person only.
        const byEmail = (await allEntities(backend)).filter(
          e =>
            e.kind === 'User' &&
            (e as { spec?: { profile?: { email?: string } } }).spec?.profile
              ?.email === 'ada.lovelace@example.com',
        );
        expect(byEmail.map(refOf)).toEqual(['user:default/ada.lovelace']);
        expect(entities.filter(e => errorsOf(e).length > 0)).toEqual([]);
      } finally {
        repository.close();
      }
    });
  },
);

interface UnprocessedEntity {
  unprocessed_entity: {
    kind: string;
    metadata?: { name: string; annotations?: Record<string, string> };
    spec?: { target?: string };
  };
  errors?: Array<{ message: string }>;
}

/** Polls a probe until it returns a value (catalog processing is asynchronous). */
async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error('Timed out waiting for the catalog');
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
