import { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { CachedPermissionsService } from './CachedPermissionsService';

const read = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const create = createPermission({
  name: 'catalog.entity.create',
  attributes: { action: 'create' },
});

function setUp(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let clock = 1_000_000;
  const asked: string[] = [];
  let fail = false;
  const permissions: PermissionsService = {
    authorize: jest.fn(async requests => {
      asked.push(`authorize ${requests.map(r => r.permission.name)}`);
      if (fail) throw new Error('permission backend unavailable');
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    }),
    authorizeConditional: jest.fn(async requests => {
      asked.push(`conditional ${requests.map(r => r.permission.name)}`);
      if (fail) throw new Error('permission backend unavailable');
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    }),
  };
  const auth = mockServices.auth();
  const cached = new CachedPermissionsService(permissions, auth, {
    ttlMs: options.ttlMs ?? 5_000,
    maxEntries: options.maxEntries ?? 100,
    now: () => clock,
  });
  return {
    cached,
    auth,
    asked,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
    failNext: (value: boolean) => {
      fail = value;
    },
  };
}

const alice = { credentials: mockCredentials.user('user:default/alice') };
const bob = { credentials: mockCredentials.user('user:default/bob') };

describe('CachedPermissionsService', () => {
  it('reuses a user’s decision for the same request until it is ttl old', async () => {
    const { cached, asked, advance } = setUp();
    for (let i = 0; i < 5; i += 1) {
      await expect(
        cached.authorizeConditional([{ permission: read }], alice),
      ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
    }
    expect(asked).toEqual(['conditional catalog.entity.read']);

    advance(4_999);
    await cached.authorizeConditional([{ permission: read }], alice);
    expect(asked).toHaveLength(1);
    advance(1);
    await cached.authorizeConditional([{ permission: read }], alice);
    expect(asked).toHaveLength(2);
  });

  it('asks again for another user, permission, resource or method', async () => {
    const { cached, asked } = setUp();
    const carol = { credentials: mockCredentials.user('user:default/carol') };
    // The same JSON through both methods (types keep it apart; an untyped caller need not).
    await cached.authorize([{ permission: read } as never], carol);
    await cached.authorizeConditional([{ permission: read }], carol);
    expect(asked).toEqual([
      'authorize catalog.entity.read',
      'conditional catalog.entity.read',
    ]);
    asked.length = 0;
    await cached.authorizeConditional([{ permission: read }], alice);
    await cached.authorizeConditional([{ permission: read }], bob);
    await cached.authorize([{ permission: create }], alice);
    await cached.authorize(
      [{ permission: read, resourceRef: 'component:default/a' }],
      alice,
    );
    await cached.authorize(
      [{ permission: read, resourceRef: 'component:default/b' }],
      alice,
    );
    await cached.authorize(
      [{ permission: read, resourceRef: 'component:default/a' }],
      alice,
    );
    expect(asked).toEqual([
      'conditional catalog.entity.read',
      'conditional catalog.entity.read',
      'authorize catalog.entity.create',
      'authorize catalog.entity.read',
      'authorize catalog.entity.read',
    ]);
  });

  it('never reuses a decision past the expiry of the user’s token', async () => {
    const { cached, auth, asked, advance, now } = setUp();
    jest.spyOn(auth, 'getLimitedUserToken').mockResolvedValue({
      token: 'limited-token-of-alice',
      expiresAt: new Date(now() + 1_000),
    });
    await cached.authorizeConditional([{ permission: read }], alice);
    advance(999);
    await cached.authorizeConditional([{ permission: read }], alice);
    expect(asked).toHaveLength(1);
    advance(1);
    await cached.authorizeConditional([{ permission: read }], alice);
    expect(asked).toHaveLength(2);
  });

  it('passes service principals through (Backstage decides those locally)', async () => {
    const { cached, asked } = setUp();
    const service = { credentials: mockCredentials.service('plugin:catalog') };
    await cached.authorize([{ permission: create }], service);
    await cached.authorize([{ permission: create }], service);
    expect(asked).toHaveLength(2);
    expect(cached.size).toBe(0);
  });

  it('sends one request for identical checks made at the same time', async () => {
    const { cached, asked } = setUp();
    await Promise.all(
      Array.from({ length: 10 }, () =>
        cached.authorizeConditional([{ permission: read }], alice),
      ),
    );
    expect(asked).toHaveLength(1);
  });

  it('does not keep a failed check: the next one asks again', async () => {
    const { cached, asked, failNext } = setUp();
    failNext(true);
    await expect(
      cached.authorizeConditional([{ permission: read }], alice),
    ).rejects.toThrow('permission backend unavailable');
    failNext(false);
    await expect(
      cached.authorizeConditional([{ permission: read }], alice),
    ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
    expect(asked).toHaveLength(2);
  });

  it('gives every caller its own copy of a reused decision', async () => {
    const { cached } = setUp();
    const first = await cached.authorizeConditional(
      [{ permission: read }],
      alice,
    );
    first[0].result = AuthorizeResult.DENY;
    await expect(
      cached.authorizeConditional([{ permission: read }], alice),
    ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
  });

  it('asks every time for a user whose token cannot be read', async () => {
    const { cached, auth, asked } = setUp();
    jest
      .spyOn(auth, 'getLimitedUserToken')
      .mockRejectedValue(
        new Error('User credentials is unexpectedly missing token'),
      );
    await cached.authorizeConditional([{ permission: read }], alice);
    await cached.authorizeConditional([{ permission: read }], alice);
    expect(asked).toHaveLength(2);
    expect(cached.size).toBe(0);
  });

  it('keeps nothing with a ttl of 0', async () => {
    const { cached, asked } = setUp({ ttlMs: 0 });
    await cached.authorizeConditional([{ permission: read }], alice);
    await cached.authorizeConditional([{ permission: read }], alice);
    expect(asked).toHaveLength(2);
    expect(cached.size).toBe(0);
  });

  it('holds at most maxEntries decisions, dropping the oldest', async () => {
    const { cached, asked } = setUp({ maxEntries: 2 });
    const check = (ref: string) =>
      cached.authorize(
        [{ permission: read, resourceRef: `component:default/${ref}` }],
        alice,
      );
    await check('a');
    await check('b');
    await check('c');
    expect(cached.size).toBe(2);
    await check('c');
    await check('b');
    expect(asked).toHaveLength(3);
    await check('a'); // dropped when c came in
    expect(asked).toHaveLength(4);
  });
});
