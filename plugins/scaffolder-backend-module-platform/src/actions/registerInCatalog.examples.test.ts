import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { exampleSteps } from '../__testUtils__/exampleSteps';
import { integrations, published } from '../__testUtils__/sandboxGitlab';
import { createRegisterInCatalogAction } from './registerInCatalog';

describe('platform:catalog:register examples', () => {
  const catalog = catalogServiceMock.mock({
    addLocation: jest.fn(async () => ({
      location: {
        id: 'loc-1',
        type: 'url',
        target: 'x',
        entityRef: 'location:default/generated-1',
      },
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'orders-api', namespace: 'default' },
        },
      ],
    })),
  });
  const action = createRegisterInCatalogAction({
    catalog,
    integrations,
    catalogImportUrl: 'http://localhost:3000/catalog-import',
  });
  // What publish:gitlab would have output by the time the step runs.
  const render = (value: string) =>
    value.replace(
      /\$\{\{ steps\['publish'\]\.output\.(\w+) \}\}/g,
      (_, key: keyof typeof published) => published[key],
    );

  it.each(exampleSteps(action, render).map(e => [e.description, e.step]))(
    '%s',
    async (_description, step) => {
      const ctx = createMockActionContext({
        input: step.input,
      }) as Parameters<typeof action.handler>[0];
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'entityRef',
        'component:default/orders-api',
      );
      catalog.addLocation.mockRejectedValueOnce(new Error('catalog down'));
      await expect(action.handler(ctx)).rejects.toThrow(
        'The repository http://localhost:7101/commerce/orders-api was created and pushed',
      );
    },
  );
});
