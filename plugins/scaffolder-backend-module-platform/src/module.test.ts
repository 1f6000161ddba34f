import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { gitlabCiSchemaFile } from './__testUtils__/contracts';
import { scaffolderModulePlatform } from './module';

jest.setTimeout(60_000);

const baseConfig = {
  app: { baseUrl: 'http://localhost:3000' },
  integrations: {
    gitlab: [
      { host: 'localhost:7101', apiBaseUrl: 'http://localhost:7101/api/v4' },
    ],
  },
};

async function actionsOf(config: object, logger = mockServices.logger.mock()) {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModulePlatform,
      catalogServiceMock.factory(),
      mockServices.rootConfig.factory({ data: config }),
      logger.factory,
    ],
  });
  try {
    const res = await request(backend.server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body as Array<{ id: string; schema: { input: any } }>;
  } finally {
    await backend.stop();
  }
}

describe('scaffolder module platform', () => {
  it('adds its three actions to the scaffolder, with their input schemas', async () => {
    const actions = await actionsOf({
      ...baseConfig,
      scaffolder: {
        platform: { validation: { gitlabCiSchema: gitlabCiSchemaFile } },
      },
    });
    const ours = actions.filter(a => a.id.startsWith('platform:'));
    expect(ours.map(a => a.id).sort()).toEqual([
      'platform:catalog:register',
      'platform:check-request',
      'platform:validate',
    ]);
    expect(
      Object.keys(
        ours.find(a => a.id === 'platform:check-request')!.schema.input
          .properties,
      ),
    ).toEqual([
      'name',
      'owner',
      'repoUrl',
      'system',
      'existingEntities',
      'newEntities',
    ]);
  });

  it('starts without GitLab’s CI schema and says which key to set', async () => {
    const logger = mockServices.logger.mock();
    const actions = await actionsOf(baseConfig, logger);
    expect(actions.map(a => a.id)).toContain('platform:validate');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'set scaffolder.platform.validation.gitlabCiSchema',
      ),
    );
  });
});
