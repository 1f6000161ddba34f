import { FixtureWorkspace } from '../__testUtils__/fixtureWorkspace';
import { listWorkspaceFiles } from './listWorkspaceFiles';
import { checkTerraform } from './terraform';

describe('checkTerraform', () => {
  let workspace: FixtureWorkspace;
  beforeEach(() => {
    workspace = new FixtureWorkspace('infrastructure');
  });
  afterEach(() => workspace.cleanup());

  async function check() {
    const files = (await listWorkspaceFiles(workspace.dir)).filter(f =>
      f.endsWith('.tf'),
    );
    return checkTerraform(
      files.map(file => ({ file, text: workspace.read(file) })),
    );
  }

  const dev = 'terraform/environments/development/main.tf';
  const moduleMain = 'terraform/modules/service-bucket/main.tf';

  it('accepts environments with backends that use a local module', async () => {
    expect(await check()).toEqual([]);
  });

  it('reports HCL syntax errors with the parser’s line', async () => {
    workspace.replace(dev, '  region  = "europe-west1"\n', '  region  = \n');
    expect(await check()).toEqual([
      {
        file: dev,
        line: workspace.lineOf(dev, 'region  ='),
        message: expect.stringMatching(/^HCL syntax error: Invalid expression/),
      },
    ]);
  });

  it('reports each of several HCL diagnostics of a file on its own line', async () => {
    workspace.replace(
      dev,
      'prefix = "orders-api/development"',
      'prefix = "orders-api/\ndevelopment"',
    );
    const problems = await check();
    expect(problems.length).toBeGreaterThan(1);
    expect(problems.map(p => p.line)).toContain(
      workspace.lineOf(dev, 'prefix ='),
    );
    expect(
      problems.every(
        p => p.file === dev && /^HCL syntax error: \w/.test(p.message),
      ),
    ).toBe(true);
  });

  it('reports every line that uses an undeclared variable or local', async () => {
    workspace.replace(
      moduleMain,
      'location                    = var.region',
      'location                    = var.location',
    );
    workspace.replace(
      moduleMain,
      'labels                      = local.labels',
      'labels                      = local.tags',
    );
    expect(await check()).toEqual([
      {
        file: moduleMain,
        line: workspace.lineOf(moduleMain, 'var.location'),
        message:
          'var.location is used but no variable "location" is declared in terraform/modules/service-bucket/',
      },
      {
        file: moduleMain,
        line: workspace.lineOf(moduleMain, 'local.tags'),
        message:
          'local.tags is used but no local value "tags" is declared in terraform/modules/service-bucket/',
      },
    ]);
  });

  it('does not count a variable declared in another directory', async () => {
    workspace.remove('terraform/environments/production/variables.tf');
    const problems = await check();
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'terraform/environments/production/main.tf',
        message: expect.stringContaining('var.project is used'),
      }),
    ]);
  });

  it('reports a module without a source and a local source that does not exist', async () => {
    workspace.replace(
      dev,
      '  source      = "../../modules/service-bucket"\n',
      '',
    );
    workspace.replace(
      'terraform/environments/production/main.tf',
      '../../modules/service-bucket',
      '../../modules/bucket',
    );
    expect(await check()).toEqual([
      {
        file: dev,
        line: workspace.lineOf(dev, 'module "bucket"'),
        message: 'module "bucket" has no source',
      },
      {
        file: 'terraform/environments/production/main.tf',
        line: workspace.lineOf(
          'terraform/environments/production/main.tf',
          '../../modules/bucket',
        ),
        message: expect.stringContaining(
          'source ../../modules/bucket is not a directory with .tf files',
        ),
      },
    ]);
  });

  it('reports a root module without a backend at its provider block', async () => {
    workspace.replace(
      dev,
      '  backend "gcs" {\n    bucket = "acme-terraform-state"\n    prefix = "orders-api/development"\n  }\n',
      '',
    );
    expect(await check()).toEqual([
      {
        file: dev,
        line: workspace.lineOf(dev, 'provider "google"'),
        message: expect.stringContaining(
          'terraform/environments/development/ is a root module',
        ),
      },
    ]);
  });

  it('does not ask a module used by others for a backend', async () => {
    workspace.write(
      'terraform/modules/service-bucket/providers.tf',
      'provider "google" {\n  region = var.region\n}\n',
    );
    expect(await check()).toEqual([]);
  });
});
