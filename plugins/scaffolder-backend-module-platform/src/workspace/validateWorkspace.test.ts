import { TestBackend } from '@backstage/backend-test-utils';
import { gitlabCiSchemaFile } from '../__testUtils__/contracts';
import { FixtureWorkspace } from '../__testUtils__/fixtureWorkspace';
import { startCatalog } from '../__testUtils__/startCatalog';
import { CatalogEntityValidator } from './catalogInfo';
import { GitlabCiSchema } from './ciSchema';
import { formatWorkspaceProblem } from './types';
import {
  inspectWorkspace,
  validateWorkspace,
  WorkspaceValidationDeps,
} from './validateWorkspace';

jest.setTimeout(60_000);

describe('validateWorkspace', () => {
  let backend: TestBackend;
  let deps: WorkspaceValidationDeps;
  let workspace: FixtureWorkspace;
  const locations: string[] = [];

  beforeAll(async () => {
    const started = await startCatalog();
    backend = started.backend;
    const catalog: CatalogEntityValidator = {
      validateEntity: (entity, locationRef) => {
        locations.push(locationRef);
        return started.validator.validateEntity(entity, locationRef);
      },
    };
    deps = {
      gitlabCiSchema: GitlabCiSchema.fromFile(gitlabCiSchemaFile),
      catalog,
    };
  });
  afterAll(() => backend?.stop());
  beforeEach(() => {
    // A service repository with an infrastructure part: every checker has files to check.
    workspace = new FixtureWorkspace('node-service', 'infrastructure');
  });
  afterEach(() => workspace.cleanup());

  it('passes the golden path’s rendered files and says what it checked', async () => {
    const { problems, checkedFiles } = await inspectWorkspace(
      workspace.dir,
      deps,
    );
    expect(problems).toEqual([]);
    expect(checkedFiles).toEqual(
      expect.arrayContaining([
        '.gitlab-ci.yml',
        'catalog-info.yaml',
        'argocd/production.yaml',
        'deploy/base/deployment.yaml',
        'deploy/overlays/staging/kustomization.yaml',
        'terraform/environments/development/main.tf',
        'terraform/modules/service-bucket/variables.tf',
      ]),
    );
    expect(locations).toContain(
      `url:file://${workspace.dir}/catalog-info.yaml`,
    );
  });

  it('returns every problem of every checker, sorted, each with its line', async () => {
    workspace.replace('.gitlab-ci.yml', 'stage: lint', 'stage: 1');
    workspace.replace(
      'catalog-info.yaml',
      'lifecycle: experimental',
      'lifecycle: [experimental]',
    );
    workspace.replace(
      'deploy/base/service.yaml',
      'targetPort: http',
      'targetPort: http\n      nodeport: 30080',
    );
    workspace.replace(
      'terraform/environments/production/main.tf',
      'project = var.project',
      'project = var.gcp_project',
    );
    const problems = await validateWorkspace(workspace.dir, deps);
    expect(problems.map(p => [p.file, p.line])).toEqual([
      ['.gitlab-ci.yml', workspace.lineOf('.gitlab-ci.yml', 'stage: 1')],
      [
        'catalog-info.yaml',
        workspace.lineOf('catalog-info.yaml', 'lifecycle:'),
      ],
      [
        'deploy/base/service.yaml',
        workspace.lineOf('deploy/base/service.yaml', 'nodeport'),
      ],
      [
        'terraform/environments/production/main.tf',
        workspace.lineOf(
          'terraform/environments/production/main.tf',
          'var.gcp_project',
        ),
      ],
    ]);
    expect(problems.map(formatWorkspaceProblem)).toEqual([
      expect.stringMatching(
        /^\.gitlab-ci\.yml:\d+: lint\.stage must be string/,
      ),
      expect.stringMatching(/^catalog-info\.yaml:\d+: .*lifecycle/),
      expect.stringMatching(
        /^deploy\/base\/service\.yaml:\d+: Service: spec\.ports\[0\] has an unknown field "nodeport"$/,
      ),
      expect.stringMatching(
        /^terraform\/environments\/production\/main\.tf:\d+: var\.gcp_project is used but no variable "gcp_project" is declared/,
      ),
    ]);
  });

  it('sends entities kept in other YAML files to the catalog, and only those', async () => {
    const file = '.backstage/pipelines.yaml';
    workspace.write(
      file,
      `apiVersion: platformportal.io/v1alpha1
kind: Pipeline
metadata:
  name: orders-nightly
spec:
  type: gitlab-ci
  owner: group:default/checkout-team
  project: commerce/orders-api
  defaultRef: main
  stages: maybe
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: orders-settings
data:
  LOG_LEVEL: info
`,
    );
    expect(await validateWorkspace(workspace.dir, deps)).toEqual([
      {
        file,
        line: workspace.lineOf(file, 'stages: maybe'),
        message: expect.stringMatching(
          /^document 1: .*\/spec\/stages must be array/,
        ),
      },
    ]);
    workspace.replace(file, 'stages: maybe', 'stages: [build]');
    expect(await validateWorkspace(workspace.dir, deps)).toEqual([]);
  });

  it('leaves out .git, node_modules and Helm chart templates', async () => {
    workspace.write('.git/config.yaml', 'apiVersion: v1\nkind: Nonsense\n');
    workspace.write(
      'node_modules/x/deploy.yaml',
      'apiVersion: v1\nkind: Nonsense\n',
    );
    workspace.write(
      'charts/orders/Chart.yaml',
      'apiVersion: v2\nname: orders\nversion: 1.0.0\n',
    );
    workspace.write(
      'charts/orders/templates/deployment.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
    );
    expect(await validateWorkspace(workspace.dir, deps)).toEqual([]);
  });
});
