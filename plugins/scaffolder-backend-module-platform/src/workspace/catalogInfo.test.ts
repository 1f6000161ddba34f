import { TestBackend } from '@backstage/backend-test-utils';
import { FixtureWorkspace } from '../__testUtils__/fixtureWorkspace';
import { startCatalog } from '../__testUtils__/startCatalog';
import { CatalogEntityValidator, checkCatalogInfoFile } from './catalogInfo';

jest.setTimeout(60_000);

describe('checkCatalogInfoFile, against a real catalog', () => {
  let backend: TestBackend;
  let validator: CatalogEntityValidator;
  let workspace: FixtureWorkspace;
  const file = 'catalog-info.yaml';
  const location =
    'url:https://localhost:7101/commerce/orders-api/-/blob/main/catalog-info.yaml';

  beforeAll(async () => {
    ({ backend, validator } = await startCatalog());
  });
  afterAll(() => backend?.stop());
  beforeEach(() => {
    workspace = new FixtureWorkspace('node-service');
  });
  afterEach(() => workspace.cleanup());

  const check = () =>
    checkCatalogInfoFile(file, workspace.read(file), validator, location);

  it('accepts the golden path’s rendered Component', async () => {
    expect(await check()).toEqual([]);
  });

  it('reports an invalid entity name on its line', async () => {
    workspace.replace(file, 'name: orders-api', 'name: Orders API!');
    expect(await check()).toEqual([
      {
        file,
        line: workspace.lineOf(file, 'name: Orders API!'),
        message: expect.stringContaining('metadata.name'),
      },
    ]);
  });

  it('reports a Component without an owner', async () => {
    workspace.replace(file, '  owner: group:default/checkout-team\n', '');
    const problems = await check();
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/owner/);
    expect(problems[0].line).toBeGreaterThan(0);
  });

  it('runs this portal’s kinds through their own schemas, document by document', async () => {
    workspace.write(
      file,
      `${workspace.read(file)}---
apiVersion: platformportal.io/v1alpha1
kind: Pipeline
metadata:
  name: orders-nightly
spec:
  type: gitlab-ci
  owner: group:default/checkout-team
  project: commerce/orders-api
  defaultRef: main
  stages: maybe
`,
    );
    expect(await check()).toEqual([
      {
        file,
        line: workspace.lineOf(file, 'stages: maybe'),
        message: expect.stringMatching(
          /^document 2: .*\/spec\/stages must be array/,
        ),
      },
    ]);
  });

  it('reports an Environment in a service repository as refused by the trust rules, before anything is published', async () => {
    workspace.write(
      file,
      `${workspace.read(file)}---
apiVersion: platformportal.io/v1alpha1
kind: Environment
metadata:
  name: orders-staging
spec:
  type: staging
  owner: group:default/checkout-team
  production: false
  promotionOrder: 2
  clusters: [staging-eu-1]
`,
    );
    expect(await check()).toEqual([
      expect.objectContaining({
        file,
        message: expect.stringContaining(
          'is refused by the catalog\'s trust rules (rule "platform-kinds")',
        ),
      }),
    ]);
  });

  it('reports YAML errors with their line, without asking the catalog', async () => {
    workspace.write(
      file,
      'apiVersion: backstage.io/v1alpha1\nkind: [Component\n',
    );
    const problems = await check();
    expect(problems[0]).toMatchObject({ file, line: expect.any(Number) });
    expect(problems[0].message).toMatch(/^YAML syntax error/);
  });

  it('reports a catalog that cannot be asked instead of passing', async () => {
    const down: CatalogEntityValidator = {
      validateEntity: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
      },
    };
    expect(
      await checkCatalogInfoFile(file, workspace.read(file), down, location),
    ).toEqual([
      {
        file,
        line: 1,
        message:
          'the catalog could not validate it: connect ECONNREFUSED 127.0.0.1:7007',
      },
    ]);
  });
});
