import crypto from 'node:crypto';
import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  QueryPermissionRequest,
  QueryPermissionResponse,
} from '@backstage/plugin-permission-common';

export interface DecisionCacheOptions {
  /** How long a decision is reused. */
  ttlMs: number;
  /** Decisions kept at most; the oldest go first. */
  maxEntries: number;
  now?: () => number;
}

interface CachedDecisions {
  expiresAt: number;
  decisions: Promise<unknown[]>;
}

/**
 * Backstage's permissions service, reusing a signed-in user's decisions for a few seconds.
 *
 * Every permission check of a user is an HTTP request to the permission backend, with a plugin
 * token signed for it and two tokens verified there: 2.6–4 ms at p50 on each catalog request at
 * 10,000 entities, about the catalog's own work for by-refs(50) (docs/benchmarks.md). A page
 * sends many checks of the same permission within a second, and their answers are the same.
 * Service principals are decided locally by Backstage already and are passed through.
 *
 * A decision is kept for the exact request (permission, resource ref) and the user's token, so a
 * token with other ownership claims never reuses it. It is at most `ttlMs` old: a policy that
 * reads changing data (say, group membership from the catalog) sees the change that much later.
 * Concurrent identical checks share one request; a failed check is not kept. Each caller gets
 * its own copy of the decisions, so one that changes them cannot change another's.
 */
export class CachedPermissionsService implements PermissionsService {
  private readonly entries = new Map<string, CachedDecisions>();
  private readonly now: () => number;

  constructor(
    private readonly permissions: PermissionsService,
    private readonly auth: AuthService,
    private readonly options: DecisionCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    return this.decide('authorize', requests, options, () =>
      this.permissions.authorize(requests, options),
    );
  }

  authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<QueryPermissionResponse[]> {
    return this.decide('authorizeConditional', requests, options, () =>
      this.permissions.authorizeConditional(requests, options),
    );
  }

  private async decide<T>(
    method: string,
    requests: unknown[],
    options: PermissionsServiceRequestOptions,
    ask: () => Promise<T[]>,
  ): Promise<T[]> {
    const credentials = options?.credentials;
    if (
      !credentials ||
      !this.auth.isPrincipal(credentials, 'user') ||
      this.options.ttlMs <= 0
    ) {
      return ask();
    }
    const key = await this.keyOf(method, requests, credentials).catch(
      () => undefined, // no token to tell this user's decisions apart: not reused
    );
    if (!key) return ask();
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= now) {
      const decisions = ask();
      entry = { expiresAt: now + this.options.ttlMs, decisions };
      this.remember(key, entry);
      decisions.catch(() => {
        if (this.entries.get(key)?.decisions === decisions) {
          this.entries.delete(key);
        }
      });
    }
    return structuredClone(await entry.decisions) as T[];
  }

  /**
   * The user's limited token stands for who asks: it carries the user and ownership claims the
   * policy sees and is derived from the full token without signing anything. Hashed, so the map
   * holds no bearer tokens.
   */
  private async keyOf(
    method: string,
    requests: unknown[],
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<string> {
    const { token } = await this.auth.getLimitedUserToken(credentials);
    return crypto
      .createHash('sha256')
      .update(method)
      .update('\n')
      .update(JSON.stringify(requests))
      .update('\n')
      .update(token)
      .digest('base64url');
  }

  private remember(key: string, entry: CachedDecisions) {
    this.entries.delete(key); // set again below, so the Map's order stays the age order
    this.entries.set(key, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  /** Decisions held now (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }
}
