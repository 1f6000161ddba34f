/**
 * @jest-environment node
 */
import { loadConfigSchema } from '@backstage/config-loader';

// The app is served the configuration its packages' config.d.ts mark `@visibility frontend`;
// without this package's schema, scaffolder.platform.allowedHosts stays on the backend.
describe('config schema', () => {
  it('sends scaffolder.platform.allowedHosts to the browser, and nothing else of scaffolder.platform', async () => {
    const schema = await loadConfigSchema({
      dependencies: ['@internal/plugin-scaffolder-platform'],
    });
    const [frontend] = schema.process(
      [
        {
          context: 'app-config.production.yaml',
          data: {
            app: { baseUrl: 'https://portal.example.com' },
            backend: { baseUrl: 'https://portal.example.com' },
            scaffolder: {
              platform: {
                allowedHosts: ['gitlab.example.com'],
                validation: { gitlabCiSchema: '/etc/portal/ci.json' },
              },
            },
          },
        },
      ],
      { visibility: ['frontend'] },
    );
    expect(frontend.data.scaffolder).toEqual({
      platform: { allowedHosts: ['gitlab.example.com'] },
    });
  });
});
