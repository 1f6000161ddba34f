import { JsonObject } from '@backstage/config';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { exampleCatalog } from '../__testUtils__/exampleCatalog';
import { createCheckRequestAction } from './checkRequest';

describe('platform:check-request', () => {
  const catalog = catalogServiceMock({ entities: exampleCatalog });
  const action = createCheckRequestAction({
    catalog,
    allowedHosts: ['localhost:7101'],
  });
  const run = (input: JsonObject) => {
    const ctx = createMockActionContext({ input });
    return { ctx, done: action.handler(ctx as any) };
  };
  const problemsOf = async (input: JsonObject) => {
    const { done } = run(input);
    const error = await done.then(
      () => undefined,
      e => e,
    );
    expect(error).toBeDefined();
    expect(error.name).toBe('InputError');
    return (error.message as string)
      .split('\n')
      .slice(1)
      .map(line => line.replace(/^- /, ''));
  };

  it('accepts a valid request and outputs full refs', async () => {
    const { ctx, done } = run({
      name: 'payments-api',
      owner: 'checkout-team',
      system: 'checkout',
      repoUrl: 'localhost:7101?owner=commerce%2Fpayments&repo=payments-api',
      existingEntities: ['orders-api'],
      newEntities: ['component:default/payments-api'],
    });
    await expect(done).resolves.toBeUndefined();
    expect(ctx.output).toHaveBeenCalledWith(
      'ownerRef',
      'group:default/checkout-team',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'systemRef',
      'system:default/checkout',
    );
  });

  it('accepts a User as owner and checks nothing that is not given', async () => {
    await expect(
      run({ owner: 'user:ada.lovelace' }).done,
    ).resolves.toBeUndefined();
    await expect(run({}).done).resolves.toBeUndefined();
  });

  it('reports every problem at once', async () => {
    expect(
      await problemsOf({
        name: 'Payments API',
        owner: 'group:nobody',
        system: 'billing',
        repoUrl: 'github.com?owner=Commerce&repo=payments_api',
        existingEntities: ['component:orders-api', 'component:default/ghost'],
        newEntities: ['orders-api'],
      }),
    ).toEqual([
      'name "Payments API" must not contain spaces',
      'name "Payments API" must be lowercase (has P, A, I)',
      'repoUrl host "github.com" is not one the portal publishes to (allowed: localhost:7101; scaffolder.platform.allowedHosts)',
      'repoUrl owner "Commerce" (group "Commerce") must be lowercase (has C)',
      'repoUrl repo "payments_api" may contain only lowercase letters, digits and dashes (has "_")',
      'owner: group:default/nobody does not exist in the catalog',
      'system: system:default/billing does not exist in the catalog',
      'existingEntities: component:default/ghost does not exist in the catalog',
      'newEntities: component:default/orders-api already exists in the catalog; choose another name',
    ]);
  });

  it('rejects an owner that is neither a Group nor a User', async () => {
    expect(await problemsOf({ owner: 'component:orders-api' })).toEqual([
      'owner "component:orders-api" must be a Group or User, not a component',
    ]);
  });

  it.each([
    ['${{ parameters.name }}', /template syntax/],
    ['../etc', /must not contain a path/],
    ['9lives', /must start with a letter/],
  ])('rejects the name %s naming the rule', async (name, rule) => {
    expect(await problemsOf({ name })).toEqual([expect.stringMatching(rule)]);
  });

  it('rejects a repoUrl that is not in the picker’s format', async () => {
    expect(
      await problemsOf({ repoUrl: 'https://localhost:7101/commerce/x' }),
    ).toEqual([
      'repoUrl "https://localhost:7101/commerce/x" is not in the form host?owner=group&repo=project',
    ]);
    expect(
      await problemsOf({ repoUrl: 'localhost:7101?owner=commerce' }),
    ).toEqual([
      'repoUrl "localhost:7101?owner=commerce" has no repo (the project name)',
    ]);
  });

  it('looks entities up with the credentials of whoever started the task', async () => {
    const mock = catalogServiceMock.mock({
      getEntitiesByRefs: jest.fn(async () => ({ items: [exampleCatalog[0]] })),
    });
    await createCheckRequestAction({ catalog: mock, allowedHosts: [] }).handler(
      createMockActionContext({ input: { owner: 'checkout-team' } }) as any,
    );
    expect(mock.getEntitiesByRefs).toHaveBeenCalledWith(
      expect.objectContaining({ entityRefs: ['group:default/checkout-team'] }),
      { credentials: mockCredentials.user() },
    );
  });

  it('says when no hosts are allowed at all', async () => {
    const none = createCheckRequestAction({ catalog, allowedHosts: [] });
    await expect(
      none.handler(
        createMockActionContext({
          input: { repoUrl: 'localhost:7101?owner=a&repo=b' },
        }) as any,
      ),
    ).rejects.toThrow(
      '(allowed: none configured; scaffolder.platform.allowedHosts)',
    );
  });
});
