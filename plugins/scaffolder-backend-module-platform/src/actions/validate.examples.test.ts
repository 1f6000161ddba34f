import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { gitlabCiSchemaFile } from '../__testUtils__/contracts';
import { exampleSteps } from '../__testUtils__/exampleSteps';
import { FixtureWorkspace } from '../__testUtils__/fixtureWorkspace';
import { GitlabCiSchema } from '../workspace/ciSchema';
import { createValidateAction } from './validate';

jest.setTimeout(30_000);

describe('platform:validate examples', () => {
  const action = createValidateAction({
    catalog: catalogServiceMock.mock({
      validateEntity: jest.fn(async () => ({ valid: true as const })),
    }),
    gitlabCiSchema: GitlabCiSchema.fromFile(gitlabCiSchemaFile),
    kubernetesKindsWithoutSchema: [],
  });
  let workspace: FixtureWorkspace;
  beforeEach(() => {
    workspace = new FixtureWorkspace();
  });
  afterEach(() => workspace.cleanup());

  it.each(exampleSteps(action).map(e => [e.description, e.step]))(
    '%s',
    async (_description, step) => {
      // The rendered golden path where the example expects it: the workspace or ./repo.
      const dir = (step.input?.path as string | undefined) ?? '.';
      workspace.addFixture('node-service', dir);
      const ctx = createMockActionContext({
        input: step.input,
        workspacePath: workspace.dir,
      });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'checkedFiles',
        expect.arrayContaining([
          '.gitlab-ci.yml',
          'deploy/base/deployment.yaml',
        ]),
      );
      // And fails on a broken file, so the example is not passing by checking nothing.
      workspace.write(
        `${dir}/deploy/base/extra.yaml`,
        'apiVersion: v1\nkind: Servce\n',
      );
      await expect(action.handler(ctx)).rejects.toThrow(
        'deploy/base/extra.yaml:2: no schema for kind Servce',
      );
    },
  );
});
