import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { locationSpecToLocationEntity } from '@backstage/plugin-catalog-node';
import { PLATFORM_API_VERSION } from '@internal/catalog-model-platform';
import { readCatalogTrust } from './catalogTrust';
import { CatalogTrustProcessor } from './CatalogTrustProcessor';

const GITLAB = 'https://gitlab.example.com';
const examplesGlob = path.resolve('examples/**/*.yaml');

const trust = readCatalogTrust(
  mockServices.rootConfig({
    data: {
      integrations: {
        gitlab: [
          {
            host: 'gitlab.example.com',
            apiBaseUrl: `${GITLAB}/api/v4`,
            token: 'not-used',
          },
        ],
      },
      catalog: {
        locations: [{ type: 'file', target: 'examples/**/*.yaml' }],
        platform: { trustedLocations: [`url:${GITLAB}/platform/`] },
        providers: {
          gitlab: {
            company: { host: 'gitlab.example.com', group: 'shop' },
            org: {
              host: 'gitlab.example.com',
              orgEnabled: true,
              group: 'acme',
              restrictUsersToGroup: true,
            },
          },
        },
      },
    },
  }),
);
const processor = new CatalogTrustProcessor(trust);

/** An entity as the catalog hands it to processors: read from `location`, which `origin` led to. */
async function preProcess(entity: Entity, location: string, origin = location) {
  const withAnnotations: Entity = {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: origin,
      },
    },
  };
  return processor.preProcessEntity(
    withAnnotations,
    parseLocationRef(location),
    () => {},
    parseLocationRef(origin),
  );
}

const user = (name: string, extra: Partial<Entity['metadata']> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, ...extra },
  spec: {
    profile: { email: `${name}@example.com` },
    memberOf: ['platform-team'],
  },
});
const group = (name: string, teamPath?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name,
    ...(teamPath && {
      annotations: { 'gitlab.example.com/team-path': teamPath },
    }),
  },
  spec: { type: 'team', children: [] },
});
const template = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'service' },
  spec: { type: 'service', steps: [] },
};
const environment = {
  apiVersion: PLATFORM_API_VERSION,
  kind: 'Environment',
  metadata: { name: 'production' },
  spec: { type: 'production', owner: 'platform-team', promotionOrder: 3 },
};
const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart' },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout-team' },
};

/** What GitLab discovery puts in the catalog for a repository's catalog-info.yaml. */
const discovered = `url:${GITLAB}/shop/cart/-/blob/main/catalog-info.yaml`;

describe('CatalogTrustProcessor', () => {
  describe('a discovered repository', () => {
    it.each([
      ['a User', user('ada.lovelace'), 'organisation-kinds'],
      ['a Group', group('platform-team'), 'organisation-kinds'],
      ['a Template', template, 'platform-kinds'],
      ['an Environment', environment, 'platform-kinds'],
    ])(
      'may not define %s: refused naming the rule and the file',
      async (_, entity, rule) => {
        await expect(preProcess(entity, discovered)).rejects.toThrow(
          `is refused by the catalog's trust rules (rule "${rule}")`,
        );
        await expect(preProcess(entity, discovered)).rejects.toThrow(
          `It was read from ${discovered}.`,
        );
      },
    );

    it('is told where such entities come from, with the configuration that says so', async () => {
      await expect(
        preProcess(user('ada.lovelace'), discovered),
      ).rejects.toThrow(
        'user:default/ada.lovelace is refused by the catalog\'s trust rules (rule "organisation-kinds"): ' +
          'User and Group entities come only from the GitLab organisation import ' +
          '(catalog.providers.gitlab.org: group acme on gitlab.example.com) ' +
          "or from the portal's own catalog.locations.",
      );
      await expect(preProcess(template, discovered)).rejects.toThrow(
        `(catalog.platform.trustedLocations: url:${GITLAB}/platform/)`,
      );
    });

    it('may define its services, APIs, systems and pipelines', async () => {
      for (const entity of [
        component,
        { ...component, kind: 'API', spec: { type: 'openapi' } },
        { ...component, kind: 'System', spec: { owner: 'x' } },
        { ...component, kind: 'Pipeline', apiVersion: PLATFORM_API_VERSION },
      ]) {
        await expect(preProcess(entity, discovered)).resolves.toMatchObject({
          kind: entity.kind,
        });
      }
    });

    it('keeps the Location discovery made for its file, but not one pointing elsewhere', async () => {
      const own = locationSpecToLocationEntity({
        location: parseLocationRef(discovered),
      });
      await expect(preProcess(own, discovered)).resolves.toMatchObject({
        kind: 'Location',
      });
      await expect(
        preProcess(
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Location',
            metadata: { name: 'more' },
            spec: {
              type: 'url',
              target: `${GITLAB}/platform/x/-/blob/main/users.yaml`,
            },
          },
          discovered,
        ),
      ).rejects.toThrow('(rule "platform-locations")');
    });

    it('is judged by where the chain started, whatever file a Location led to', async () => {
      // A platform file read through a Location of the discovered repository.
      await expect(
        preProcess(
          template,
          `url:${GITLAB}/platform/templates/-/blob/main/service.yaml`,
          discovered,
        ),
      ).rejects.toThrow(`, which ${discovered} led to.`);
    });

    it('cannot pass for the organisation import by copying its annotations', async () => {
      await expect(
        preProcess(group('platform-team', 'acme/platform-team'), discovered),
      ).rejects.toThrow('(rule "organisation-kinds")');
      // Its file's own address as team path: GitLab's reader needs /blob/, which no group path has.
      const file = `${GITLAB}/acme/platform-team/blob/main/team.yaml`;
      await expect(
        preProcess(
          group('platform-team', 'acme/platform-team/blob/main/team.yaml'),
          `url:${file}`,
        ),
      ).rejects.toThrow('(rule "organisation-kinds")');
    });

    it('cannot escape a trusted prefix', async () => {
      for (const origin of [
        `url:${GITLAB}/platform/../shop/cart/-/blob/main/catalog-info.yaml`,
        `url:${GITLAB}/platform/%2e%2e/shop/cart/-/blob/main/catalog-info.yaml`,
        `url:${GITLAB}/platform-tools/cart/-/blob/main/catalog-info.yaml`,
        `url:${GITLAB}.evil.example/platform/x/-/blob/main/catalog-info.yaml`,
      ]) {
        await expect(preProcess(template, origin)).rejects.toThrow(
          '(rule "platform-kinds")',
        );
      }
    });

    it('cannot dodge a rule by the spelling of the kind', async () => {
      await expect(
        preProcess({ ...user('ada.lovelace'), kind: 'user' }, discovered),
      ).rejects.toThrow('(rule "organisation-kinds")');
    });
  });

  describe('the GitLab organisation import', () => {
    it('may define the users and the groups of its GitLab group', async () => {
      await expect(
        preProcess(user('ada.lovelace'), `url:${GITLAB}/ada.lovelace`),
      ).resolves.toMatchObject({ kind: 'User' });
      for (const teamPath of ['acme', 'acme/platform-team', 'acme/shop/cart']) {
        await expect(
          preProcess(group('g', teamPath), `url:${GITLAB}/${teamPath}`),
        ).resolves.toMatchObject({ kind: 'Group' });
      }
    });

    it('is not trusted for groups outside its GitLab group, or for other kinds', async () => {
      await expect(
        preProcess(group('other', 'other/team'), `url:${GITLAB}/other/team`),
      ).rejects.toThrow('(rule "organisation-kinds")');
      await expect(
        preProcess(group('acme-x', 'acme-x'), `url:${GITLAB}/acme-x`),
      ).rejects.toThrow('(rule "organisation-kinds")');
      await expect(
        preProcess(template, `url:${GITLAB}/ada.lovelace`),
      ).rejects.toThrow('(rule "platform-kinds")');
    });
  });

  describe('the platform repositories', () => {
    const platformFile = `url:${GITLAB}/platform/portal/-/blob/main/catalog-info.yaml`;

    it('may define Templates, Environments and Locations pointing elsewhere', async () => {
      for (const entity of [
        template,
        environment,
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Location',
          metadata: { name: 'templates' },
          spec: {
            type: 'url',
            target: `${GITLAB}/platform/portal/-/blob/main/templates/service.yaml`,
          },
        },
      ]) {
        await expect(preProcess(entity, platformFile)).resolves.toMatchObject({
          kind: entity.kind,
        });
      }
    });

    it('may not define people', async () => {
      await expect(
        preProcess(user('ada.lovelace'), platformFile),
      ).rejects.toThrow('(rule "organisation-kinds")');
    });
  });

  describe("the portal's own catalog.locations", () => {
    it('may define every kind, in every file the glob matches', async () => {
      const file = `file:${path.resolve('examples/org.yaml')}`;
      for (const entity of [
        user('ada.lovelace'),
        group('acme'),
        template,
        environment,
      ]) {
        await expect(
          preProcess(entity, file, `file:${examplesGlob}`),
        ).resolves.toMatchObject({ kind: entity.kind });
      }
      // The Location FilePerLocationProcessor makes for each file of the glob.
      await expect(
        preProcess(
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Location',
            metadata: { name: 'org' },
            spec: { type: 'file', target: path.resolve('examples/org.yaml') },
          },
          `file:${examplesGlob}`,
        ),
      ).resolves.toMatchObject({ kind: 'Location' });
    });
  });

  it('says so when no organisation import is configured', async () => {
    const bare = new CatalogTrustProcessor(
      readCatalogTrust(mockServices.rootConfig({ data: {} })),
    );
    await expect(
      bare.preProcessEntity(
        {
          ...user('x'),
          metadata: {
            name: 'x',
            annotations: {
              [ANNOTATION_LOCATION]: discovered,
              [ANNOTATION_ORIGIN_LOCATION]: discovered,
            },
          },
        },
        parseLocationRef(discovered),
        () => {},
        parseLocationRef(discovered),
      ),
    ).rejects.toThrow('from the GitLab organisation import (none configured)');
  });
});
