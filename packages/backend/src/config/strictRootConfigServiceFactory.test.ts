import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfigSchema } from '@backstage/config-loader';
import {
  InvalidConfigError,
  loadStrictRootConfig,
} from './strictRootConfigServiceFactory';
import {
  readConfigOnce,
  substituteFrom,
} from './findUnsetEnvironmentVariables';
import { datadogConnection } from '@internal/upstream-node';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import gitlabAuthModule from '@backstage/plugin-auth-backend-module-gitlab-provider';
import guestAuthModule from '@backstage/plugin-auth-backend-module-guest-provider';
import { JsonObject } from '@backstage/types';
import request from 'supertest';

const repoRoot = path.resolve(__dirname, '../../../..');
const devConfig = path.join(repoRoot, 'app-config.yaml');
const productionConfig = path.join(repoRoot, 'app-config.production.yaml');

const productionEnv = {
  PORTAL_BASE_URL: 'https://portal.example.com',
  BACKEND_SECRET: 'backend-secret',
  POSTGRES_HOST: 'db.internal',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'portal',
  POSTGRES_PASSWORD: 'pg-secret',
  GITLAB_HOST: 'gitlab.example.com',
  GITLAB_TOKEN: 'glpat-secret',
  GITLAB_CATALOG_GROUP: 'acme',
  GITLAB_ORG_GROUP: 'acme/people',
  REDIS_URL: 'redis://:redis-secret@redis.internal:6379',
  ARGOCD_INSTANCE_NAME: 'prod',
  ARGOCD_URL: 'https://argocd.example.com',
  ARGOCD_TOKEN: 'argo-secret',
  K8S_CLUSTER_NAME: 'prod-eu-1',
  K8S_CLUSTER_URL: 'https://k8s.example.com',
  K8S_SERVICE_ACCOUNT_TOKEN: 'k8s-secret',
  K8S_CLUSTER_CA_DATA: 'LS0tLS1CRUdJTg==',
  DATADOG_SITE: 'datadoghq.eu',
  DATADOG_API_KEY: 'dd-api',
  DATADOG_APP_KEY: 'dd-app',
  AUTH_SESSION_SECRET: 'session-secret',
  AUTH_GITLAB_CLIENT_ID: 'client-id',
  AUTH_GITLAB_CLIENT_SECRET: 'client-secret',
};

function load(files: string[], env: Record<string, string | undefined>) {
  return loadStrictRootConfig({
    argv: ['node', 'backend', ...files.flatMap(f => ['--config', f])],
    env,
    dir: repoRoot,
    warn: () => {},
    watch: false,
  });
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

function writeTempConfig(yaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-config-'));
  const file = path.join(dir, 'app-config.test.yaml');
  fs.writeFileSync(file, yaml);
  return file;
}

// Each load collects the config schemas of every workspace dependency (a few seconds).
jest.setTimeout(60_000);

describe('strict root config', () => {
  it('accepts the development configuration with an empty environment', async () => {
    const config = await load([devConfig], {});
    expect(config.getString('backend.database.client')).toBe('better-sqlite3');
  });

  it('accepts the production configuration when every variable is set', async () => {
    const config = await load([devConfig, productionConfig], productionEnv);
    expect(config.getString('backend.database.client')).toBe('pg');
    expect(config.getString('backend.database.connection.host')).toBe(
      'db.internal',
    );
  });

  it('sends the Datadog keys to the configured site only, never to the development sandbox', async () => {
    const config = await load([devConfig, productionConfig], productionEnv);
    expect(datadogConnection(config)).toMatchObject({
      configured: true,
      apiBaseUrl: 'https://api.datadoghq.eu',
      appBaseUrl: 'https://app.datadoghq.eu',
    });
  });

  it('starts in production without Datadog, which then says it is not configured', async () => {
    const { DATADOG_SITE, DATADOG_API_KEY, DATADOG_APP_KEY, ...env } =
      productionEnv;
    const config = await load([devConfig, productionConfig], env);
    const datadog = datadogConnection(config);
    expect(datadog.configured).toBe(false);
    expect(datadog.configured ? '' : datadog.reason).toContain(
      'Datadog is not configured',
    );
  });

  it('names every key whose environment variable is missing', async () => {
    const { POSTGRES_HOST, GITLAB_TOKEN, ...env } = productionEnv;
    const problems = await problemsOf(load([devConfig, productionConfig], env));
    expect(problems).toEqual([
      expect.stringMatching(
        /^backend\.database\.connection\.host: environment variable POSTGRES_HOST is not set \(asked for in .*app-config\.production\.yaml\)$/,
      ),
      expect.stringMatching(
        /^integrations\.gitlab\.0\.token: environment variable GITLAB_TOKEN is not set/,
      ),
    ]);
  });

  it('treats a blank variable as missing', async () => {
    const problems = await problemsOf(
      load([devConfig, productionConfig], {
        ...productionEnv,
        AUTH_GITLAB_CLIENT_ID: '  ',
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining(
        'auth.providers.gitlab.production.clientId: environment variable AUTH_GITLAB_CLIENT_ID is not set',
      ),
    ]);
  });

  it('does not report a variable that has a fallback', async () => {
    const file = writeTempConfig('organization:\n  name: ${ORG_NAME:-Acme}\n');
    const config = await load([devConfig, file], {});
    expect(config.getString('organization.name')).toBe('Acme');
  });

  it('keeps production secrets out of the frontend configuration', async () => {
    const schema = await loadConfigSchema({ dependencies: ['backend'] });
    const configs = await readConfigOnce(
      {
        argv: [
          'node',
          'backend',
          '--config',
          devConfig,
          '--config',
          productionConfig,
        ],
        env: productionEnv,
      },
      substituteFrom(productionEnv),
    );
    const frontend = JSON.stringify(
      schema.process(configs, { visibility: ['frontend'] }),
    );
    const secretVariables = Object.entries(productionEnv).filter(([name]) =>
      /TOKEN|SECRET|PASSWORD|_KEY$|CA_DATA/.test(name),
    );
    expect(secretVariables.length).toBeGreaterThan(8);
    // Marked @visibility secret, so the backend redacts them from logs.
    const secrets = JSON.stringify(
      schema.process(configs, { visibility: ['secret'] }),
    );
    for (const [name, value] of secretVariables) {
      expect([name, frontend.includes(value)]).toEqual([name, false]);
      expect([name, secrets.includes(value)]).toEqual([name, true]);
    }
  });

  it('names the key of a value that breaks a plugin schema', async () => {
    const file = writeTempConfig('backend:\n  database:\n    client: mysql\n');
    const problems = await problemsOf(load([devConfig, file], {}));
    expect(problems).toEqual([
      expect.stringMatching(
        /^backend\.database\.client: must be equal to one of the allowed values/,
      ),
    ]);
  });
});

describe('the production configuration', () => {
  const production = () => load([devConfig, productionConfig], productionEnv);

  it('caches in Redis, drains before shutting down, and lets the frontend connect to its own origin only', async () => {
    const config = await production();
    expect(config.get('backend.cache')).toEqual({
      store: 'redis',
      connection: productionEnv.REDIS_URL,
    });
    expect(config.getString('backend.lifecycle.serverShutdownDelay')).toBe(
      '10s',
    );
    const csp = config.getConfig('backend.csp');
    expect(csp.getStringArray('connect-src')).toEqual(["'self'"]);
    const plainHttp = csp
      .keys()
      .flatMap(directive =>
        (csp.getOptional<string[] | false>(directive) || []).filter(source =>
          source.startsWith('http:'),
        ),
      );
    expect(plainHttp).toEqual([]);
  });

  it('exposes no actions to MCP clients', async () => {
    const config = await production();
    expect(config.getStringArray('backend.actions.pluginSources')).toEqual([]);
  });

  it('imports the organisation from GitLab, apart from discovery, and trusts the platform group', async () => {
    const config = await production();
    expect(config.get('catalog.providers.gitlab.org')).toMatchObject({
      host: 'gitlab.example.com',
      orgEnabled: true,
      group: 'acme/people',
      restrictUsersToGroup: true,
    });
    expect(
      config.getOptionalBoolean('catalog.providers.gitlab.company.orgEnabled'),
    ).toBeUndefined();
    expect(config.getStringArray('catalog.platform.trustedLocations')).toEqual([
      'url:https://gitlab.example.com/platform/',
    ]);
  });

  it('refuses to start without Redis or the organisation group, naming the keys', async () => {
    const { REDIS_URL, GITLAB_ORG_GROUP, ...env } = productionEnv;
    expect(await problemsOf(load([devConfig, productionConfig], env))).toEqual([
      expect.stringMatching(
        /^backend\.cache\.connection: environment variable REDIS_URL is not set/,
      ),
      expect.stringMatching(
        /^catalog\.providers\.gitlab\.org\.group: environment variable GITLAB_ORG_GROUP is not set/,
      ),
    ]);
  });

  it('keeps the Redis URL, which holds its password, out of the frontend and redacted', async () => {
    const schema = await loadConfigSchema({ dependencies: ['backend'] });
    const configs = await readConfigOnce(
      {
        argv: [
          'node',
          'backend',
          '--config',
          devConfig,
          '--config',
          productionConfig,
        ],
        env: productionEnv,
      },
      substituteFrom(productionEnv),
    );
    const visible = (visibility: Array<'frontend' | 'secret'>) =>
      JSON.stringify(schema.process(configs, { visibility }));
    expect(visible(['frontend'])).not.toContain('redis-secret');
    expect(visible(['secret'])).toContain('redis-secret');
  });

  /**
   * The auth backend with both sign-in modules of packages/backend, on a configuration (without
   * its `backend` part: the test backend brings its own server and database).
   */
  async function startAuth({ backend: _backend, ...data }: JsonObject) {
    return startTestBackend({
      features: [
        authPlugin,
        guestAuthModule,
        gitlabAuthModule,
        mockServices.rootConfig.factory({ data }),
      ],
    });
  }

  it('configures GitLab sign-in and no guest provider', async () => {
    const backend = await startAuth((await production()).get() as JsonObject);
    try {
      const guest = await request(backend.server).get(
        '/api/auth/guest/refresh',
      );
      expect(guest.status).toBe(404);
      expect(guest.body.error.message).toBe(
        "No auth provider registered for 'guest'",
      );
      const gitlab = await request(backend.server).get(
        '/api/auth/gitlab/start?env=production',
      );
      expect(gitlab.status).toBe(302);
      expect(gitlab.headers.location).toMatch(
        /^https:\/\/gitlab\.example\.com\/oauth\/authorize\?/,
      );
    } finally {
      await backend.stop();
    }
  });

  it('would refuse guest sign-in even where it is configured, outside NODE_ENV=development', async () => {
    const backend = await startAuth(
      (await load([devConfig], {})).get() as JsonObject,
    );
    try {
      const guest = await request(backend.server).get(
        '/api/auth/guest/refresh',
      );
      expect(process.env.NODE_ENV).toBe('test');
      expect(guest.status).toBe(403);
      expect(guest.body.error.message).toContain(
        'The guest provider cannot be used outside of a development environment',
      );
    } finally {
      await backend.stop();
    }
  });
});
