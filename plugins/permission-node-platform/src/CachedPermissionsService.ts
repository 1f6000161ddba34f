import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
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
  /** How long a decision is reused (never past the user's token's expiry). */
  ttlMs: number;
  /** Decisions kept at most; the least recently used go first. */
  maxEntries: number;
  /** The clock, in epoch milliseconds (tests set it). */
  now?: () => number;
}

/**
 * Backstage's permissions service, reusing a signed-in user's decisions for a few seconds.
 *
 * Every permission check of a user is an HTTP request to the permission backend, with a plugin
 * token signed for it, verified there with the user's token, and the user's info looked up:
 * 2.6–4 ms at p50 on each catalog request a signed-in user makes at 10,000 entities, about the
 * catalog's own work for by-refs(50) (docs/benchmarks.md). A page sends many checks of the same
 * permission within a second, and their answers are the same. Service principals are decided
 * locally by Backstage already and are passed through.
 *
 * A decision is kept for the exact request (method, permission, resource ref) and the user's
 * token: another sign-in is asked again. It is at most `ttlMs` old and never outlives the token.
 * The policy's view of the user (ownership from the auth backend) and any data it reads are
 * therefore up to `ttlMs` old. Concurrent identical checks share one request; a failed check is
 * not kept. Each caller gets its own copy of the decisions, so one that changes them cannot
 * change another's.
 */
export class CachedPermissionsService implements PermissionsService {
  /** The decisions of a request, as they are being asked for or once answered. */
  private readonly entries: LRUCache<string, Promise<unknown[]>>;
  private readonly now: () => number;

  constructor(
    private readonly permissions: PermissionsService,
    private readonly auth: AuthService,
    private readonly options: DecisionCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.entries = new LRUCache({
      max: Math.max(1, options.maxEntries),
      // Each decision has its own ttl (below); staleness is judged on the exact time.
      ttlResolution: 0,
      ...(options.now && { perf: { now: options.now } }),
    });
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
    const { credentials } = options;
    if (
      !this.auth.isPrincipal(credentials, 'user') ||
      this.options.ttlMs <= 0
    ) {
      return ask();
    }
    const user = await this.userKeyOf(method, requests, credentials).catch(
      () => undefined, // no token to tell this user's decisions apart: not reused
    );
    if (!user) return ask();
    let decisions = this.entries.get(user.key);
    if (!decisions) {
      decisions = ask();
      // lru-cache keeps an entry up to and including its ttl; a millisecond less keeps the
      // decision younger than ttlMs and than the token.
      const ttl =
        Math.min(this.options.ttlMs, user.tokenExpiresAt - this.now()) - 1;
      if (ttl > 0) this.keep(user.key, decisions, ttl);
    }
    return structuredClone(await decisions) as T[];
  }

  /** Keeps decisions being asked for, so identical checks share them; a failure is not kept. */
  private keep(key: string, decisions: Promise<unknown[]>, ttl: number) {
    this.entries.set(key, decisions, { ttl });
    decisions.catch(() => {
      if (this.entries.peek(key) === decisions) {
        this.entries.delete(key);
      }
    });
  }

  /**
   * The user's limited token stands for who asks: the user's ref, the token's times and its
   * signature, derived from the full token without signing anything. Hashed, so the map holds
   * no bearer tokens.
   */
  private async userKeyOf(
    method: string,
    requests: unknown[],
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) {
    const { token, expiresAt } = await this.auth.getLimitedUserToken(
      credentials,
    );
    const key = crypto
      .createHash('sha256')
      .update(method)
      .update('\n')
      .update(JSON.stringify(requests))
      .update('\n')
      .update(token)
      .digest('base64url');
    return { key, tokenExpiresAt: expiresAt.getTime() };
  }

  /** Decisions held now (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }
}
