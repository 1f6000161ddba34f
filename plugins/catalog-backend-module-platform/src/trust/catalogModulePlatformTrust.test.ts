import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
} from '@backstage/plugin-catalog-node';
import request from 'supertest';
import { catalogModuleGitlabDiscoveryGuard } from '../gitlab/catalogModuleGitlabDiscoveryGuard';
import { catalogModulePlatform } from '../module';

const schedule = { frequency: { minutes: 15 }, timeout: { minutes: 3 } };

/** A company GitLab with discovery of catalog files and the organisation import side by side. */
const config = {
  integrations: {
    gitlab: [
      {
        host: 'gitlab.example.com',
        apiBaseUrl: 'https://gitlab.example.com/api/v4',
        token: 'not-used',
      },
    ],
  },
  catalog: {
    locations: [],
    providers: {
      gitlab: {
        company: { host: 'gitlab.example.com', group: 'shop', schedule },
        org: {
          host: 'gitlab.example.com',
          orgEnabled: true,
          group: 'acme',
          restrictUsersToGroup: true,
          schedule,
        },
      },
    },
  },
};

describe('catalogModulePlatformTrust', () => {
  it('tells anyone, signed in or not, where the catalog’s people come from', async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModulePlatform,
        // A request without a token has no credentials, as in the portal.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          // The discovery entry is left out: it would scan gitlab.example.com.
          data: {
            ...config,
            catalog: {
              ...config.catalog,
              providers: {
                gitlab: { org: config.catalog.providers.gitlab.org },
              },
            },
          },
        }),
      ],
    });
    try {
      const res = await request(backend.server).get(
        '/api/catalog/platform/organisation',
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        imports: [
          {
            host: 'gitlab.example.com',
            group: 'acme',
            groupUrl: 'https://gitlab.example.com/acme',
            membersOnly: true,
            everyMinutes: 15,
          },
        ],
      });
      // Everything else of the catalog still asks for credentials.
      expect(
        (await request(backend.server).get('/api/catalog/entities')).status,
      ).toBe(401);
    } finally {
      await backend.stop();
    }
  });

  it('leaves the organisation entry to the org module: GitLab discovery does not scan it', async () => {
    const providers: EntityProvider[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addEntityProvider: (
              ...added: Array<EntityProvider | EntityProvider[]>
            ) => providers.push(...added.flat()),
            addProcessor: () => {},
            addPlaceholderResolver: () => {},
            setOnProcessingErrorHandler: () => {},
          },
        ],
      ],
      features: [
        catalogModuleGitlabDiscoveryGuard,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    await backend.stop();
    expect(providers.map(p => p.getProviderName())).toEqual([
      'GitlabDiscoveryEntityProvider:company',
    ]);
  });
});
