import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { organisationProviderIds, readCatalogTrust } from './catalogTrust';

const integrations = {
  gitlab: [
    {
      host: 'gitlab.example.com:8443',
      baseUrl: 'https://gitlab.example.com:8443/',
      apiBaseUrl: 'https://gitlab.example.com:8443/api/v4',
      token: 'not-used',
    },
  ],
};

const gitlabEntry = (entry: Record<string, unknown>) => ({
  host: 'gitlab.example.com:8443',
  ...entry,
});

describe('readCatalogTrust', () => {
  it('reads the organisation imports: orgEnabled entries only, with their integration and schedule', () => {
    const config = mockServices.rootConfig({
      data: {
        integrations,
        catalog: {
          providers: {
            gitlab: {
              company: gitlabEntry({ group: 'shop' }),
              org: gitlabEntry({
                orgEnabled: true,
                group: 'acme/teams/',
                restrictUsersToGroup: true,
                schedule: { frequency: { minutes: 15 }, timeout: 'PT5M' },
              }),
              iso: gitlabEntry({
                orgEnabled: true,
                schedule: { frequency: 'PT1H', timeout: 'PT5M' },
              }),
              cron: gitlabEntry({
                orgEnabled: true,
                schedule: { frequency: { cron: '0 * * * *' }, timeout: 'PT5M' },
              }),
            },
          },
        },
      },
    });
    expect(organisationProviderIds(config)).toEqual(['org', 'iso', 'cron']);
    expect(readCatalogTrust(config).organisationImports).toEqual([
      {
        providerId: 'org',
        host: 'gitlab.example.com:8443',
        baseUrl: 'https://gitlab.example.com:8443',
        group: 'acme/teams',
        membersOnly: true,
        everyMinutes: 15,
      },
      expect.objectContaining({
        providerId: 'iso',
        group: '',
        everyMinutes: 60,
      }),
      expect.objectContaining({ providerId: 'cron', everyMinutes: undefined }),
    ]);
  });

  it('resolves configured file locations as the catalog does, and normalises trusted ones', () => {
    const trust = readCatalogTrust(
      mockServices.rootConfig({
        data: {
          catalog: {
            locations: [
              { type: 'file', target: '../examples/**/*.yaml' },
              {
                type: 'url',
                target: 'https://GitLab.example.com/a/../b/-/blob/main/c.yaml',
              },
            ],
            platform: {
              trustedLocations: [
                'url:https://gitlab.example.com/platform/',
                'file:../templates/',
              ],
            },
          },
        },
      }),
    );
    expect(trust.configuredLocations).toEqual([
      `file:${path.resolve('../examples/**/*.yaml')}`,
      'url:https://gitlab.example.com/b/-/blob/main/c.yaml',
    ]);
    expect(trust.platformLocations).toEqual([
      'url:https://gitlab.example.com/platform/',
      `file:${path.resolve('../templates')}${path.sep}`,
    ]);
  });

  it('refuses a trusted location that is not a location reference, naming it', () => {
    for (const entry of [
      'https//gitlab.example.com/platform/',
      'url:not a url',
    ]) {
      expect(() =>
        readCatalogTrust(
          mockServices.rootConfig({
            data: { catalog: { platform: { trustedLocations: [entry] } } },
          }),
        ),
      ).toThrow(`catalog.platform.trustedLocations: "${entry}"`);
    }
  });
});
