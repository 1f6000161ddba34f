import path from 'node:path';
import { gitlabExample, shapeMismatches } from '../__testUtils__/contracts';
import { Sandbox, startSandbox, SANDBOX_TOKENS } from '../startSandbox';
import { SandboxClock } from '../world/clock';
import { SANDBOX_OAUTH_APPLICATION } from './gitlabOAuth';
import { NEWCOMER } from './gitlabOrganisation';

const examplesDir = path.resolve(__dirname, '../../../../examples');
const REDIRECT = 'https://portal.example.com/api/auth/gitlab/handler/frame';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    examplesDir,
    clock: SandboxClock.fixed(Date.UTC(2026, 0, 5, 9)),
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
});
afterAll(() => sandbox.close());

/** `GET /oauth/authorize` as passport-gitlab2 sends the browser there. */
function authorizeUrl(extra: Record<string, string> = {}) {
  const query = new URLSearchParams({
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'read_user',
    state: 'the-state',
    client_id: SANDBOX_OAUTH_APPLICATION.clientId,
    ...extra,
  });
  return `${sandbox.urls.gitlab}/oauth/authorize?${query}`;
}

async function codeFor(username: string): Promise<string> {
  const response = await fetch(authorizeUrl({ username }), {
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  const back = new URL(response.headers.get('location')!);
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe('the-state');
  return back.searchParams.get('code')!;
}

/** `POST /oauth/token` as passport-oauth2 sends it: form-encoded, client credentials in the body. */
async function token(fields: Record<string, string>) {
  const response = await fetch(`${sandbox.urls.gitlab}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: SANDBOX_OAUTH_APPLICATION.clientId,
      client_secret: SANDBOX_OAUTH_APPLICATION.clientSecret,
      ...fields,
    }),
  });
  return { status: response.status, body: await response.json() };
}

async function currentUser(accessToken: string, route = '/user') {
  const response = await fetch(`${sandbox.urls.gitlab}/api/v4${route}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  return { status: response.status, body: await response.json() };
}

describe('sign-in with the sandbox GitLab', () => {
  it('lets a person choose an account, the newcomer among them', async () => {
    const response = await fetch(authorizeUrl());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('Ada Lovelace (ada.lovelace)');
    expect(page).toContain(`${NEWCOMER.name} (${NEWCOMER.username})`);
    expect(page).toContain('username=grace.hopper');
  });

  it('exchanges the code for tokens in GitLab’s format, and the token for the user', async () => {
    const code = await codeFor('ada.lovelace');
    const tokens = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    });
    expect(tokens.status).toBe(200);
    expect(Object.keys(tokens.body).sort()).toEqual(
      Object.keys(gitlabExample('docs-oauth2-token-response.json')).sort(),
    );
    expect(
      shapeMismatches(
        gitlabExample('docs-oauth2-token-response.json'),
        tokens.body,
      ),
    ).toEqual([]);

    const user = await currentUser(tokens.body.access_token);
    expect(user.status).toBe(200);
    expect(
      shapeMismatches(gitlabExample('docs-user-current.json'), user.body),
    ).toEqual([]);
    expect(user.body).toMatchObject({
      username: 'ada.lovelace',
      email: 'ada.lovelace@example.com',
      name: 'Ada Lovelace',
      state: 'active',
    });

    // The token is for sign-in only (read_user).
    expect(
      (await currentUser(tokens.body.access_token, '/groups/acme/members/all'))
        .status,
    ).toBe(403);

    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: tokens.body.refresh_token,
    });
    expect((await currentUser(refreshed.body.access_token)).body.username).toBe(
      'ada.lovelace',
    );
  });

  it('refuses what GitLab refuses: a code used twice or for another redirect, an unknown client', async () => {
    const code = await codeFor('grace.hopper');
    expect(
      (
        await token({
          grant_type: 'authorization_code',
          code,
          redirect_uri: 'https://elsewhere.example.com/cb',
        })
      ).body,
    ).toMatchObject({ error: 'invalid_grant' });
    expect(
      (
        await token({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT,
        })
      ).body,
    ).toMatchObject({ error: 'invalid_grant' });
    expect(
      await token({
        grant_type: 'authorization_code',
        code: await codeFor('grace.hopper'),
        redirect_uri: REDIRECT,
        client_secret: 'wrong',
      }),
    ).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const unknown = await fetch(authorizeUrl({ client_id: 'someone-else' }));
    expect(unknown.status).toBe(401);
    expect(await currentUser('not-a-token')).toEqual({
      status: 401,
      body: { message: '401 Unauthorized' },
    });
    // The portal's own token still reads everything.
    expect((await currentUser(SANDBOX_TOKENS.gitlab)).body.username).toBe(
      'portal-bot',
    );
  });
});
