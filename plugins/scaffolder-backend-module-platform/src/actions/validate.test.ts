import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { gitlabCiSchemaFile } from '../__testUtils__/contracts';
import { FixtureWorkspace } from '../__testUtils__/fixtureWorkspace';
import { GitlabCiSchema } from '../workspace/ciSchema';
import { createValidateAction } from './validate';

jest.setTimeout(30_000);

describe('platform:validate', () => {
  const gitlabCiSchema = GitlabCiSchema.fromFile(gitlabCiSchemaFile);
  let workspace: FixtureWorkspace;
  let catalog: ReturnType<typeof catalogServiceMock.mock>;
  beforeEach(() => {
    workspace = new FixtureWorkspace('node-service');
    // The catalog's side is tested against a real catalog in workspace/catalogInfo.test.ts;
    // here it is the action's wiring: which credentials, which entity.
    catalog = catalogServiceMock.mock({
      validateEntity: jest.fn(async () => ({ valid: true as const })),
    });
  });
  afterEach(() => workspace.cleanup());

  const run = async (input: { path?: string } = {}, extra: object = {}) => {
    const logger = mockServices.logger.mock();
    const ctx = {
      ...createMockActionContext({
        input,
        workspacePath: workspace.dir,
        logger,
      }),
      ...extra,
    };
    const action = createValidateAction({
      catalog,
      gitlabCiSchema,
      kubernetesKindsWithoutSchema: [],
    });
    await action.handler(ctx as any);
    return { ctx, logger };
  };

  it('passes a clean workspace and outputs the files it checked', async () => {
    const { ctx } = await run();
    expect(ctx.output).toHaveBeenCalledWith(
      'checkedFiles',
      expect.arrayContaining(['.gitlab-ci.yml', 'catalog-info.yaml']),
    );
    expect(catalog.validateEntity).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'Component' }),
      expect.stringMatching(/^url:file:\/\/.*\/catalog-info\.yaml$/),
      { credentials: mockCredentials.user() },
    );
  });

  it('fails with every problem as file:line: message, and logs each', async () => {
    workspace.replace('.gitlab-ci.yml', 'stage: lint', 'stage: 1');
    workspace.replace('deploy/base/service.yaml', 'port: 80', 'port: eighty');
    catalog.validateEntity.mockResolvedValue({
      valid: false,
      errors: [{ name: 'InputError', message: '/spec/owner must be string' }],
    });
    const ci = workspace.lineOf('.gitlab-ci.yml', 'stage: 1');
    const service = workspace.lineOf(
      'deploy/base/service.yaml',
      'port: eighty',
    );
    const owner = workspace.lineOf('catalog-info.yaml', 'owner:');
    const logger = mockServices.logger.mock();
    const failure = createValidateAction({
      catalog,
      gitlabCiSchema,
      kubernetesKindsWithoutSchema: [],
    }).handler(
      createMockActionContext({
        workspacePath: workspace.dir,
        logger,
        input: {},
      }),
    );
    await expect(failure).rejects.toThrow(
      [
        'The rendered files have 3 problems; nothing was published:',
        `.gitlab-ci.yml:${ci}: lint.stage must be string or array`,
        `catalog-info.yaml:${owner}: /spec/owner must be string`,
        `deploy/base/service.yaml:${service}: Service: spec.ports[0].port must be integer`,
      ].join('\n'),
    );
    await expect(failure).rejects.toMatchObject({ name: 'InputError' });
    expect(logger.error).toHaveBeenCalledTimes(3);
    expect(logger.error).toHaveBeenCalledWith(
      `deploy/base/service.yaml:${service}: Service: spec.ports[0].port must be integer`,
    );
  });

  it('validates only the given subdirectory, with paths relative to it', async () => {
    workspace.write(
      'repo/deploy.yaml',
      'apiVersion: v1\nkind: Service\nspec:\n  prots: []\n',
    );
    await expect(run({ path: 'repo' })).rejects.toThrow(
      'deploy.yaml:4: Service: spec has an unknown field "prots"',
    );
  });

  it.each(['..', '../other', '/etc'])(
    'refuses the path %s outside the workspace',
    async outside => {
      await expect(run({ path: outside })).rejects.toThrow(
        /outside|not a directory/,
      );
    },
  );

  it('refuses a path that leads outside the workspace through a symbolic link', async () => {
    fs.symlinkSync(os.tmpdir(), path.join(workspace.dir, 'escape'));
    await expect(run({ path: 'escape' })).rejects.toThrow(/outside/);
  });

  it('refuses a path that is not a directory', async () => {
    await expect(run({ path: 'nothing-here' })).rejects.toThrow(
      'path "nothing-here" is not a directory of the workspace',
    );
  });

  it('runs the same checks in a dry run', async () => {
    workspace.replace('deploy/base/service.yaml', 'port: 80', 'port: eighty');
    await expect(run({}, { isDryRun: true })).rejects.toThrow(
      'port must be integer',
    );
  });

  it('names the configuration key when GitLab’s CI schema is not configured', async () => {
    const action = createValidateAction({
      catalog,
      gitlabCiSchema: GitlabCiSchema.fromConfig(new ConfigReader({})),
      kubernetesKindsWithoutSchema: [],
    });
    await expect(
      action.handler(
        createMockActionContext({ workspacePath: workspace.dir, input: {} }),
      ),
    ).rejects.toThrow(
      /\.gitlab-ci\.yml:1: cannot be validated: .* set scaffolder\.platform\.validation\.gitlabCiSchema/,
    );
  });
});
