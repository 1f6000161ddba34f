import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { exampleSteps } from '../__testUtils__/exampleSteps';
import { createCheckRequestAction } from './checkRequest';
import { exampleCatalog } from '../__testUtils__/exampleCatalog';

describe('platform:check-request examples', () => {
  const action = createCheckRequestAction({
    catalog: catalogServiceMock({ entities: exampleCatalog }),
    allowedHosts: ['localhost:7101'],
  });
  // What the form would have submitted for `${{ parameters.* }}`.
  const parameters: Record<string, string> = {
    name: 'payments-api',
    owner: 'group:default/checkout-team',
    system: 'system:default/checkout',
    repoUrl: 'localhost:7101?owner=commerce&repo=payments-api',
  };
  const render = (value: string) =>
    value.replace(
      /\$\{\{ parameters\.(\w+) \}\}/g,
      (_, key) => parameters[key],
    );

  it.each(exampleSteps(action, render).map(e => [e.description, e.step]))(
    '%s',
    async (_description, step) => {
      const ctx = createMockActionContext({ input: step.input });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'ownerRef',
        'group:default/checkout-team',
      );
    },
  );

  it('the examples fail when the catalog lacks what they name', async () => {
    const empty = createCheckRequestAction({
      catalog: catalogServiceMock({ entities: [] }),
      allowedHosts: ['localhost:7101'],
    });
    for (const { step } of exampleSteps(action, render)) {
      await expect(
        empty.handler(createMockActionContext({ input: step.input })),
      ).rejects.toThrow('does not exist in the catalog');
    }
  });
});
