import fs from 'node:fs';
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { FixtureWorkspace } from '../__testUtils__/fixtureWorkspace';
import { integrations, published } from '../__testUtils__/sandboxGitlab';
import { createRegisterInCatalogAction } from './registerInCatalog';

const catalogInfoUrl =
  'http://localhost:7101/commerce/orders-api/-/blob/main/catalog-info.yaml';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-api', namespace: 'default' },
  spec: {},
};
const location = {
  id: 'loc-1',
  type: 'url',
  target: catalogInfoUrl,
  entityRef: 'location:default/generated-1',
};

/** The error the catalog client throws for an HTTP error answer. */
async function catalogError(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: status === 409 ? 'Conflict' : 'Internal Server Error',
        headers: { 'content-type': 'application/json' },
      },
    ) as any,
  );
}

describe('platform:catalog:register', () => {
  let catalog: ReturnType<typeof catalogServiceMock.mock>;
  let workspace: FixtureWorkspace;
  beforeEach(() => {
    catalog = catalogServiceMock.mock({
      addLocation: jest.fn(async ({ dryRun }) => ({
        location,
        entities: dryRun
          ? [
              {
                ...component,
                kind: 'Location',
                metadata: { name: 'generated-1' },
              },
              component,
            ]
          : [],
      })),
    });
    workspace = new FixtureWorkspace('node-service');
  });
  afterEach(() => workspace.cleanup());

  const action = () =>
    createRegisterInCatalogAction({
      catalog,
      integrations,
      catalogImportUrl: 'http://localhost:3000/catalog-import',
    });
  const context = (input: JsonObject = published) =>
    createMockActionContext({ input, workspacePath: workspace.dir });

  it('registers the catalog file and outputs the Component like catalog:register', async () => {
    const ctx = context();
    await action().handler(ctx as any);
    expect(catalog.addLocation).toHaveBeenNthCalledWith(
      1,
      { type: 'url', target: catalogInfoUrl },
      { credentials: mockCredentials.user() },
    );
    expect(catalog.addLocation).toHaveBeenNthCalledWith(
      2,
      { type: 'url', target: catalogInfoUrl, dryRun: true },
      { credentials: mockCredentials.user() },
    );
    expect(ctx.output).toHaveBeenCalledWith('catalogInfoUrl', catalogInfoUrl);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/orders-api',
    );
  });

  it('says what was published, and that it may be registered, when the catalog fails', async () => {
    catalog.addLocation.mockRejectedValueOnce(
      await catalogError(
        500,
        'Error',
        'Unable to read url: 503 Service Unavailable',
      ),
    );
    await expect(action().handler(context() as any)).rejects.toThrow(
      'The repository http://localhost:7101/commerce/orders-api was created and pushed, but registering it in the catalog failed: Unable to read url: 503 Service Unavailable (HTTP 500). ' +
        `It may have been registered before the failure: look for ${catalogInfoUrl} at http://localhost:3000/catalog-import; ` +
        'if it is not there, register it by hand with that URL, or delete the project commerce/orders-api (http://localhost:7101/commerce/orders-api) and run the template again.',
    );
  });

  it('says nothing is in the catalog when the catalog refuses the file', async () => {
    catalog.addLocation.mockRejectedValueOnce(
      await catalogError(
        400,
        'InputError',
        'Policy check failed for component:default/orders-api',
      ),
    );
    await expect(action().handler(context() as any)).rejects.toThrow(
      'The repository http://localhost:7101/commerce/orders-api was created and pushed, but the catalog refused to register it: Policy check failed for component:default/orders-api (HTTP 400). ' +
        'Nothing is in the catalog. Either fix /catalog-info.yaml in the repository and register it by hand at http://localhost:3000/catalog-import with ' +
        `${catalogInfoUrl}, or delete the project commerce/orders-api (http://localhost:7101/commerce/orders-api) and run the template again.`,
    );
  });

  it('keeps credentials in the remote URL out of the message', async () => {
    catalog.addLocation.mockRejectedValueOnce(new Error('boom'));
    const failure = action().handler(
      context({
        ...published,
        remoteUrl:
          'http://oauth2:glpat-secret@localhost:7101/commerce/orders-api.git',
      }) as any,
    );
    await expect(failure).rejects.toThrow(
      'delete the project commerce/orders-api (http://localhost:7101/commerce/orders-api.git)',
    );
    await expect(failure).rejects.not.toThrow('glpat-secret');
  });

  it('treats an already registered location as registered (a retried task)', async () => {
    catalog.addLocation.mockRejectedValueOnce(
      await catalogError(
        409,
        'ConflictError',
        `Location url:${catalogInfoUrl} already exists`,
      ),
    );
    const ctx = context();
    await action().handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/orders-api',
    );
  });

  it('says the repository is registered when only reading it back fails', async () => {
    catalog.addLocation
      .mockResolvedValueOnce({ location, entities: [] })
      .mockRejectedValueOnce(new Error('socket hang up'));
    await expect(action().handler(context() as any)).rejects.toThrow(
      `${catalogInfoUrl} is registered in the catalog (its entities appear within minutes; nothing needs deleting), but reading them back for the entityRef output failed: socket hang up`,
    );
  });

  it('registers nothing in a dry run and reports what would be registered', async () => {
    const ctx = { ...context(), isDryRun: true };
    await action().handler(ctx as any);
    expect(catalog.addLocation).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith('catalogInfoUrl', catalogInfoUrl);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/orders-api',
    );
  });

  it('does not need a published repository in a dry run (publish:* was skipped)', async () => {
    const ctx = {
      ...context({ ...published, repoContentsUrl: '<example>' }),
      isDryRun: true,
    };
    await action().handler(ctx as any);
    expect(catalog.addLocation).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/orders-api',
    );
  });

  it('outputs no entityRef in a dry run without a catalog file', async () => {
    fs.rmSync(path.join(workspace.dir, 'catalog-info.yaml'));
    const ctx = { ...context(), isDryRun: true };
    await action().handler(ctx as any);
    expect(ctx.output).not.toHaveBeenCalledWith('entityRef', expect.anything());
  });

  it('refuses a repository on a host without an integration', async () => {
    await expect(
      action().handler(
        context({
          ...published,
          repoContentsUrl: 'https://unknown.example.com/x/-/blob/main',
        }) as any,
      ),
    ).rejects.toThrow(
      'no integration for https://unknown.example.com/x/-/blob/main',
    );
  });
});
