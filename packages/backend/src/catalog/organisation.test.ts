import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import gitlabAuthModule from '@backstage/plugin-auth-backend-module-gitlab-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import gitlabOrgModule from '@backstage/plugin-catalog-backend-module-gitlab-org';
import catalogModulePlatform from '@internal/plugin-catalog-backend-module-platform';
import {
  Sandbox,
  SandboxClock,
  startSandbox,
  SANDBOX_TOKENS,
} from '@internal/sandbox';
import {
  developmentCatalogRules,
  repoRoot,
} from './__testUtils__/exampleCatalog';

/*
 * The organisation import of app-config.production.yaml (catalog.providers.gitlab.org) against
 * the sandbox GitLab, whose company is examples/org.yaml: the stock org provider, beside the
 * portal's catalog modules (GitLab discovery and the trust rules), as packages/backend adds them,
 * and GitLab sign-in with production's resolvers through the sandbox's OAuth application.
 */

jest.setTimeout(60_000);

const org = parseAllDocuments(
  fs.readFileSync(path.join(repoRoot, 'examples/org.yaml'), 'utf8'),
).map(doc => doc.toJS());
/** The examples' people with a GitLab account (the guest identity has none). */
const accounts = org.filter(e => e.kind === 'User' && e.spec.profile.email);
const teams = org.filter(e => e.kind === 'Group' && e.spec.parent);

// A host name without a port: the org provider makes annotation keys of it (`<host>/team-path`).
const GITLAB_HOST = 'gitlab.sandbox.test';
/** The sandbox GitLab's OAuth application (packages/sandbox/src/gitlab/gitlabOAuth.ts). */
const OAUTH_APPLICATION = {
  clientId: 'sandbox-gitlab-oauth-client',
  clientSecret: 'sandbox-gitlab-oauth-secret',
};
/** Production's sign-in resolvers, as app-config.production.yaml lists them. */
const productionSignIn = parse(
  fs.readFileSync(path.join(repoRoot, 'app-config.production.yaml'), 'utf8'),
).auth.providers.gitlab.production.signIn;

interface CatalogEntity {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: {
    profile?: { email?: string; displayName?: string };
    memberOf?: string[];
    parent?: string;
  };
  relations?: Array<{ type: string; targetRef: string }>;
  status?: { items?: Array<{ level: string }> };
}

let sandbox: Sandbox;
let backend: TestBackend;

async function entities(filter: string): Promise<CatalogEntity[]> {
  const res = await request(backend.server)
    .get(`/api/catalog/entities?filter=${encodeURIComponent(filter)}`)
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  sandbox = await startSandbox({
    examplesDir: path.join(repoRoot, 'examples'),
    clock: SandboxClock.fixed(Date.UTC(2026, 0, 5, 9)),
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
  const schedule = { frequency: { minutes: 15 }, timeout: { minutes: 3 } };
  backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModulePlatform,
      gitlabOrgModule,
      authPlugin,
      gitlabAuthModule,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: {
            environment: 'production',
            session: { secret: 'test-session-secret' },
            providers: {
              gitlab: {
                production: {
                  ...OAUTH_APPLICATION,
                  audience: sandbox.urls.gitlab,
                  signIn: productionSignIn,
                },
              },
            },
          },
          integrations: {
            gitlab: [
              {
                host: GITLAB_HOST,
                baseUrl: sandbox.urls.gitlab,
                apiBaseUrl: `${sandbox.urls.gitlab}/api/v4`,
                token: SANDBOX_TOKENS.gitlab,
              },
            ],
          },
          catalog: {
            rules: developmentCatalogRules,
            locations: [],
            providers: {
              gitlab: {
                // As app-config.production.yaml has them: discovery and the organisation.
                company: {
                  host: GITLAB_HOST,
                  group: 'commerce',
                  entityFilename: 'catalog-info.yaml',
                  schedule,
                },
                org: {
                  host: GITLAB_HOST,
                  orgEnabled: true,
                  group: 'acme',
                  restrictUsersToGroup: true,
                  schedule,
                },
              },
            },
          },
        },
      }),
    ],
  });
});
afterAll(async () => {
  await backend?.stop();
  await sandbox?.close();
});

/** Polls until the catalog has every entity asked for. */
async function waitForRefs(kind: string, names: string[]) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const found = await entities(`kind=${kind}`);
    const have = new Set(found.map(e => e.metadata.name));
    if (names.every(n => have.has(n))) return found;
    if (Date.now() > deadline) {
      throw new Error(
        `Never appeared: ${names.filter(n => !have.has(n)).join(', ')}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('the GitLab organisation import', () => {
  it('gives every GitLab account of the company a User that the sign-in resolvers find', async () => {
    const users = await waitForRefs(
      'user',
      accounts.map(u => u.metadata.name),
    );
    for (const account of accounts) {
      const user = users.find(u => u.metadata.name === account.metadata.name)!;
      // usernameMatchingUserEntityName: the User's name is the GitLab username.
      // emailMatchingUserEntityProfileEmail: the email the import could read.
      expect([user.metadata.name, user.spec?.profile]).toEqual([
        account.metadata.name,
        expect.objectContaining({
          email: account.spec.profile.email,
          displayName: account.spec.profile.displayName,
        }),
      ]);
      expect(user.spec?.memberOf?.sort()).toEqual(
        ['acme', ...account.spec.memberOf].sort(),
      );
      // Accepted by the trust rules: the org provider's own address of that user.
      expect(
        user.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBe(`url:${sandbox.urls.gitlab}/${account.metadata.name}`);
      expect(user.status?.items ?? []).toEqual([]);
    }
    // What emailMatchingUserEntityProfileEmail asks the catalog.
    const byEmail = await entities(
      'kind=user,spec.profile.email=grace.hopper@example.com',
    );
    expect(byEmail.map(u => u.metadata.name)).toEqual(['grace.hopper']);
    // A GitLab account outside the company group gets no User: sign-in fails for it.
    expect(await entities('kind=user,metadata.name=sam.newcomer')).toEqual([]);
    expect(users.map(u => u.metadata.name)).not.toContain('guest');
  });

  it('makes the company group and its subgroups the Groups, each a child of its parent', async () => {
    const groups = await waitForRefs('group', [
      'acme',
      ...teams.map(t => t.metadata.name),
    ]);
    for (const team of teams) {
      const group = groups.find(g => g.metadata.name === team.metadata.name)!;
      expect([team.metadata.name, group.spec?.parent]).toEqual([
        team.metadata.name,
        'acme',
      ]);
      expect(group.relations).toContainEqual({
        type: 'childOf',
        targetRef: 'group:default/acme',
      });
      expect(group.status?.items ?? []).toEqual([]);
      const members = (group.relations ?? [])
        .filter(r => r.type === 'hasMember')
        .map(r => r.targetRef)
        .sort();
      expect(members).toEqual(
        accounts
          .filter(u => u.spec.memberOf.includes(team.metadata.name))
          .map(u => `user:default/${u.metadata.name}`)
          .sort(),
      );
    }
  });

  it('tells the sign-in page where people come from', async () => {
    // (That discovery leaves the org entry alone is checked where it is decided:
    // plugins/catalog-backend-module-platform/src/trust/catalogModulePlatformTrust.test.ts.)
    const res = await request(backend.server).get(
      '/api/catalog/platform/organisation',
    );
    expect(res.body).toEqual({
      imports: [
        {
          host: GITLAB_HOST,
          group: 'acme',
          groupUrl: `${sandbox.urls.gitlab}/acme`,
          membersOnly: true,
          everyMinutes: 15,
        },
      ],
    });
  });
});

/**
 * A GitLab sign-in as the browser's popup makes it: the auth backend's start, the sandbox's
 * authorize page (choosing `username`), the callback; returns the message the callback page
 * posts to the portal.
 */
async function signInAs(
  username: string,
  { keepCookie = true }: { keepCookie?: boolean } = {},
): Promise<{
  response?: { backstageIdentity?: { identity: Record<string, unknown> } };
  error?: { name: string; message: string };
}> {
  const start = await request(backend.server).get(
    '/api/auth/gitlab/start?env=production&scope=read_user',
  );
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.location);
  expect(`${authorize.origin}${authorize.pathname}`).toBe(
    `${sandbox.urls.gitlab}/oauth/authorize`,
  );
  authorize.searchParams.set('username', username);
  const approved = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(approved.headers.get('location')!);
  // The nonce cookie, as a browser keeps it (start also clears an older one first).
  const nonce = ([] as string[])
    .concat(start.headers['set-cookie'] ?? [])
    .filter(cookie => !/Max-Age=0/.test(cookie))
    .map(cookie => cookie.split(';')[0])
    .join('; ');
  const frame = await request(backend.server)
    .get(`${callback.pathname}${callback.search}`)
    .set('Cookie', keepCookie ? nonce : '');
  const message = frame.text.match(
    /var authResponse = decodeURIComponent\('([^']*)'\)/,
  );
  if (!message) throw new Error(`No sign-in response in ${frame.text}`);
  return JSON.parse(decodeURIComponent(message[1]));
}

describe('GitLab sign-in with production’s resolvers', () => {
  it('signs a member of the company group in as their User, with their teams', async () => {
    await waitForRefs('user', ['ada.lovelace']);
    const { response, error } = await signInAs('ada.lovelace');
    expect(error).toBeUndefined();
    expect(response?.backstageIdentity?.identity).toMatchObject({
      type: 'user',
      userEntityRef: 'user:default/ada.lovelace',
      ownershipEntityRefs: expect.arrayContaining([
        'user:default/ada.lovelace',
        'group:default/platform-team',
      ]),
    });
  });

  it('refuses a GitLab account the catalog has no User for, with the error the sign-in page explains', async () => {
    await waitForRefs('user', ['ada.lovelace']);
    const { response, error } = await signInAs('sam.newcomer');
    expect(response).toBeUndefined();
    expect(error?.message).toContain(
      'Failed to sign-in, unable to resolve user identity',
    );
  });

  it('answers a callback without the sign-in’s cookie with the error the sign-in page explains', async () => {
    // Another browser, a blocked cookie, or more than ten minutes since the start.
    const { error } = await signInAs('ada.lovelace', { keepCookie: false });
    expect(error).toEqual({
      name: 'NotAllowedError',
      message: 'Auth response is missing cookie nonce',
    });
  });
});
