import { ConfigReader } from '@backstage/config';
import { readPlatformScaffolderSettings } from './config';

const base = {
  app: { baseUrl: 'https://portal.example.com/' },
  integrations: {
    gitlab: [
      {
        host: 'gitlab.example.com',
        apiBaseUrl: 'https://gitlab.example.com/api/v4',
        token: 'x',
      },
      { host: 'gitlab.internal', apiBaseUrl: 'https://gitlab.internal/api/v4' },
    ],
  },
};

describe('readPlatformScaffolderSettings', () => {
  it('allows the configured GitLab hosts when allowedHosts is unset', () => {
    const settings = readPlatformScaffolderSettings(new ConfigReader(base));
    expect(settings).toEqual({
      allowedHosts: ['gitlab.example.com', 'gitlab.internal'],
      kubernetesKindsWithoutSchema: [],
      catalogImportUrl: 'https://portal.example.com/catalog-import',
    });
  });

  it('uses scaffolder.platform.allowedHosts and the kinds allow-list when set', () => {
    const settings = readPlatformScaffolderSettings(
      new ConfigReader({
        ...base,
        scaffolder: {
          platform: {
            allowedHosts: ['localhost:7101'],
            validation: {
              kubernetesKindsWithoutSchema: [
                'monitoring.coreos.com/v1/ServiceMonitor',
              ],
            },
          },
        },
      }),
    );
    expect(settings.allowedHosts).toEqual(['localhost:7101']);
    expect(settings.kubernetesKindsWithoutSchema).toEqual([
      'monitoring.coreos.com/v1/ServiceMonitor',
    ]);
  });
});
