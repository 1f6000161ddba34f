import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { JsonAnswer } from '../http/jsonServer';
import { SandboxOrganisation, SandboxPerson } from './gitlabOrganisation';

/** The sandbox GitLab's one OAuth application; not credentials of any real system. */
export const SANDBOX_OAUTH_APPLICATION = {
  clientId: 'sandbox-gitlab-oauth-client',
  clientSecret: 'sandbox-gitlab-oauth-secret',
};

const TOKEN_SECONDS = 7200;

interface Grant {
  username: string;
  redirectUri: string;
  scope: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    c =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[
        c
      ]!),
  );

/** The OAuth 2 error body GitLab answers (`error`, `error_description`). */
const oauthError = (
  status: number,
  error: string,
  description: string,
): JsonAnswer => ({
  status,
  body: { error, error_description: description },
});

/**
 * GitLab as an OAuth 2 provider for sign-in (what @backstage/plugin-auth-backend-module-gitlab-provider
 * asks through passport-gitlab2): `GET /oauth/authorize`, `POST /oauth/token` (authorization
 * code and refresh token grants) and, with the access token, `GET /api/v4/user`.
 *
 * Simplified: nobody types a password. `/oauth/authorize` lists the company's accounts (and the
 * newcomer, whom the organisation import leaves out) as links; one chosen (or `username=` on the
 * URL, for tests) is signed in and approves at once. Codes are good once, tokens for two hours,
 * all in memory.
 */
export class SandboxGitlabOAuth {
  private readonly codes = new Map<string, Grant>();
  private readonly tokens = new Map<
    string,
    { username: string; expiresAt: number }
  >();
  private readonly refreshTokens = new Map<string, Grant>();

  constructor(
    private readonly organisation: SandboxOrganisation,
    private readonly now: () => number,
  ) {}

  /** The person an OAuth access token in these headers belongs to. */
  personOf(headers: http.IncomingHttpHeaders): SandboxPerson | undefined {
    const token = String(headers.authorization ?? '').replace(/^Bearer /, '');
    const held = this.tokens.get(token);
    if (!held || held.expiresAt <= this.now()) return undefined;
    return this.organisation.people.find(p => p.username === held.username);
  }

  /** `/oauth/…`; undefined for another path. */
  handle(request: {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: http.IncomingHttpHeaders;
    body?: Record<string, unknown>;
  }): JsonAnswer | undefined {
    if (request.method === 'GET' && request.path === '/oauth/authorize') {
      return this.authorize(request.query);
    }
    if (request.method === 'POST' && request.path === '/oauth/token') {
      return this.token(request.headers, request.body ?? {});
    }
    return undefined;
  }

  private authorize(query: URLSearchParams): JsonAnswer {
    const redirectUri = query.get('redirect_uri') ?? '';
    if (query.get('client_id') !== SANDBOX_OAUTH_APPLICATION.clientId) {
      return {
        status: 401,
        text: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      };
    }
    if (query.get('response_type') !== 'code' || !redirectUri) {
      return {
        status: 400,
        text: 'The authorization server does not support this response type, or the redirect URI is missing.',
      };
    }
    const username = query.get('username');
    const person = this.organisation.people.find(p => p.username === username);
    if (!person) return this.accountChooser(query);

    const code = randomBytes(16).toString('hex');
    this.codes.set(code, {
      username: person.username,
      redirectUri,
      scope: query.get('scope') ?? 'read_user',
    });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    const state = query.get('state');
    if (state !== null) back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.toString() }, text: '' };
  }

  /** The sign-in page: one link per account, each approving at once. */
  private accountChooser(query: URLSearchParams): JsonAnswer {
    const links = this.organisation.people.map(person => {
      const choice = new URLSearchParams(query);
      choice.set('username', person.username);
      return `<li><a href="/oauth/authorize?${escapeHtml(
        choice.toString(),
      )}">${escapeHtml(person.name)} (${escapeHtml(person.username)})</a></li>`;
    });
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      text: `<!doctype html><html><head><title>Sign in · Sandbox GitLab</title></head><body><h1>Sign in to the sandbox GitLab as</h1><ul>${links.join(
        '',
      )}</ul></body></html>`,
    };
  }

  private token(
    headers: http.IncomingHttpHeaders,
    body: Record<string, unknown>,
  ): JsonAnswer {
    // Client credentials in the body (passport's way) or as HTTP Basic.
    const basic = String(headers.authorization ?? '').startsWith('Basic ')
      ? Buffer.from(String(headers.authorization).slice(6), 'base64')
          .toString()
          .split(':')
          .map(decodeURIComponent)
      : [];
    const clientId = String(body.client_id ?? basic[0] ?? '');
    const clientSecret = String(body.client_secret ?? basic[1] ?? '');
    if (
      clientId !== SANDBOX_OAUTH_APPLICATION.clientId ||
      clientSecret !== SANDBOX_OAUTH_APPLICATION.clientSecret
    ) {
      return oauthError(
        401,
        'invalid_client',
        'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      );
    }
    let grant: Grant | undefined;
    if (body.grant_type === 'authorization_code') {
      grant = this.codes.get(String(body.code));
      this.codes.delete(String(body.code));
      if (grant && grant.redirectUri !== String(body.redirect_uri ?? '')) {
        grant = undefined;
      }
    } else if (body.grant_type === 'refresh_token') {
      grant = this.refreshTokens.get(String(body.refresh_token));
      this.refreshTokens.delete(String(body.refresh_token));
    } else {
      return oauthError(
        400,
        'unsupported_grant_type',
        'The authorization grant type is not supported by the authorization server.',
      );
    }
    if (!grant) {
      return oauthError(
        400,
        'invalid_grant',
        'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      );
    }
    const accessToken = randomBytes(32).toString('hex');
    const refreshToken = randomBytes(32).toString('hex');
    this.tokens.set(accessToken, {
      username: grant.username,
      expiresAt: this.now() + TOKEN_SECONDS * 1000,
    });
    this.refreshTokens.set(refreshToken, grant);
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: TOKEN_SECONDS,
        refresh_token: refreshToken,
        created_at: Math.floor(this.now() / 1000),
      },
    };
  }
}
