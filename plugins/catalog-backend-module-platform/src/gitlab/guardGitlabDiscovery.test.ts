import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { GitlabDiscoveryEntityProvider } from '@backstage/plugin-catalog-backend-module-gitlab';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { createUpstreamService } from '@internal/upstream-node';
import { guardGitlabDiscovery } from './guardGitlabDiscovery';

// A project as GitLab's REST API returns it: the recorded contract data in shared/contracts,
// which sits beside the repository checkout (as on CI), never copied into it.
const contractFile = path.resolve(
  __dirname,
  '../../../../../shared/contracts/gitlab-api/examples/gitlab4j-project.json',
);
if (!fs.existsSync(contractFile)) {
  throw new Error(
    `Contract data not found at ${contractFile}: clone the portal next to the shared/ folder (see README, "Contract data")`,
  );
}
const contractProject = JSON.parse(fs.readFileSync(contractFile, 'utf8'));

function project(id: number, name: string, webBase: string) {
  return {
    ...contractProject,
    id,
    name,
    path: name,
    path_with_namespace: `acme/${name}`,
    web_url: `${webBase}/acme/${name}`,
    default_branch: 'main',
    archived: false,
  };
}

/** GitLab on loopback: one group with two projects, catalog-file answers per project id. */
async function startGitlab(fileStatus: Record<number, number>) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://gitlab');
    const base = `http://${req.headers.host}`;
    if (url.pathname === '/api/v4/groups/acme/projects') {
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-next-page': '',
      });
      res.end(
        JSON.stringify([
          project(1, 'checkout-api', base),
          project(2, 'cart-service', base),
        ]),
      );
      return;
    }
    const file = url.pathname.match(
      /^\/api\/v4\/projects\/(\d+)\/repository\/files\//,
    );
    if (file && req.method === 'HEAD') {
      res.writeHead(fileStatus[Number(file[1])] ?? 404);
      res.end();
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"message":"404 Not Found"}');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { host: `127.0.0.1:${port}`, close: () => server.close() };
}

async function scan(host: string, guarded: boolean) {
  const config = new ConfigReader({
    integrations: {
      gitlab: [
        { host, apiBaseUrl: `http://${host}/api/v4`, token: 'glpat-test' },
      ],
    },
    catalog: {
      providers: {
        gitlab: {
          company: {
            host,
            group: 'acme',
            schedule: { frequency: { minutes: 30 }, timeout: { minutes: 3 } },
          },
        },
      },
    },
  });
  const logger = mockServices.logger.mock();
  const [provider] = GitlabDiscoveryEntityProvider.fromConfig(config, {
    logger,
    // Runs the scan once, right away, when the provider connects.
    schedule: {
      run: async ({ fn }) => {
        await fn(new AbortController().signal);
      },
    },
  });
  if (guarded) {
    guardGitlabDiscovery(
      provider,
      createUpstreamService({
        config,
        logger,
        cacheService: CacheManager.fromConfig(config).forPlugin('upstream'),
      }),
    );
  }
  const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
  await provider.connect(connection as unknown as EntityProviderConnection);
  const targets = connection.applyMutation.mock.calls.map(([mutation]) =>
    mutation.entities.map(
      (e: { entity: { spec: { target: string } } }) => e.entity.spec.target,
    ),
  );
  return { targets, errors: errorMessages(logger) };
}

type MockLogger = ReturnType<typeof mockServices.logger.mock>;

/** Error messages logged by a mock logger or its children, at any depth (the provider nests two). */
function errorMessages(logger: MockLogger): string[] {
  const own = logger.error.mock.calls.map((call: unknown[]) => String(call[0]));
  const children: MockLogger[] = logger.child.mock.results.map(r => r.value);
  return [...own, ...children.flatMap(errorMessages)];
}

describe('guardGitlabDiscovery', () => {
  it('registers every project that has a catalog file', async () => {
    const gitlab = await startGitlab({ 1: 200, 2: 404 });
    try {
      const { targets } = await scan(gitlab.host, true);
      expect(targets).toEqual([
        [
          `http://${gitlab.host}/acme/checkout-api/-/blob/main/catalog-info.yaml`,
        ],
      ]);
    } finally {
      gitlab.close();
    }
  });

  it.each([429, 502, 503])(
    'skips the whole scan when a catalog file answers %s',
    async status => {
      const gitlab = await startGitlab({ 1: 200, 2: status });
      try {
        const { targets, errors } = await scan(gitlab.host, true);
        expect(targets).toEqual([]);
        expect(errors).toEqual([
          expect.stringMatching(
            new RegExp(
              `(answered ${status}|\(${status}\)).*the discovery scan stops here`,
            ),
          ),
        ]);
      } finally {
        gitlab.close();
      }
    },
  );

  it('(why) without the guard, a 503 silently drops the project from the scan', async () => {
    const gitlab = await startGitlab({ 1: 200, 2: 503 });
    try {
      const { targets } = await scan(gitlab.host, false);
      expect(targets).toEqual([
        [
          `http://${gitlab.host}/acme/checkout-api/-/blob/main/catalog-info.yaml`,
        ],
      ]);
    } finally {
      gitlab.close();
    }
  });
});
