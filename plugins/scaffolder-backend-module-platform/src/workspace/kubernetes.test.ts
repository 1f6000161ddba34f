import fs from 'node:fs';
import path from 'node:path';
import { FixtureWorkspace } from '../__testUtils__/fixtureWorkspace';
import { checkKubernetesFile, KubernetesCheckOptions } from './kubernetes';
import { KubernetesSchemas } from './kubernetes/kubernetesSchemas';

describe('checkKubernetesFile', () => {
  let workspace: FixtureWorkspace;
  beforeEach(() => {
    workspace = new FixtureWorkspace('node-service');
  });
  afterEach(() => workspace.cleanup());

  const options = (
    extra: Partial<KubernetesCheckOptions> = {},
  ): KubernetesCheckOptions => ({
    schemas: new KubernetesSchemas(),
    kindsWithoutSchema: [],
    exists: f => fs.existsSync(path.join(workspace.dir, f)),
    ...extra,
  });
  const check = (file: string, extra?: Partial<KubernetesCheckOptions>) =>
    checkKubernetesFile(file, workspace.read(file), options(extra));

  const deployment = 'deploy/base/deployment.yaml';
  const production = 'argocd/production.yaml';

  it.each([
    'deploy/base/deployment.yaml',
    'deploy/base/service.yaml',
    'deploy/base/horizontalpodautoscaler.yaml',
    'deploy/base/poddisruptionbudget.yaml',
    'deploy/base/externalsecret.yaml',
    'deploy/base/kustomization.yaml',
    'deploy/overlays/production/kustomization.yaml',
    'argocd/development.yaml',
    'argocd/production.yaml',
  ])('accepts the golden path’s %s', file => {
    expect(check(file)).toEqual([]);
  });

  it('reports an unknown field deep in a Deployment on its own line', () => {
    workspace.replace(
      deployment,
      '          readinessProbe:',
      '          imagePullPolice: Always\n          readinessProbe:',
    );
    expect(check(deployment)).toEqual([
      {
        file: deployment,
        line: workspace.lineOf(deployment, 'imagePullPolice'),
        message:
          'Deployment: spec.template.spec.containers[0] has an unknown field "imagePullPolice"',
      },
    ]);
  });

  it('reports a wrong type and a missing required field', () => {
    workspace.replace(deployment, 'replicas: 2', 'replicas: two');
    workspace.replace(
      deployment,
      '      containers:\n        - name:',
      '      containers:\n        - nam:',
    );
    const problems = check(deployment);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: deployment,
          line: workspace.lineOf(deployment, 'replicas: two'),
          message: 'Deployment: spec.replicas must be integer',
        },
        {
          file: deployment,
          line: workspace.lineOf(deployment, '- nam:'),
          message:
            'Deployment: spec.template.spec.containers[0] is missing the required field "name"',
        },
      ]),
    );
  });

  it('numbers the documents of a multi-document file and keeps their lines', () => {
    const text = workspace.read(production);
    const secondTarget = text.lastIndexOf('targetRevision: main');
    workspace.write(
      production,
      `${text.slice(0, secondTarget)}targetRevison: main${text.slice(
        secondTarget + 'targetRevision: main'.length,
      )}`,
    );
    expect(check(production)).toEqual([
      {
        file: production,
        line: workspace.lineOf(production, 'targetRevison'),
        message:
          'document 2: Application: spec.source has an unknown field "targetRevison"',
      },
    ]);
  });

  it('checks a PodDisruptionBudget and an ExternalSecret against their own schemas', () => {
    const pdb = 'deploy/base/poddisruptionbudget.yaml';
    workspace.replace(
      pdb,
      'minAvailable: 1',
      'minAvailable: 1\n  maxUnavailble: 1',
    );
    const secret = 'deploy/base/externalsecret.yaml';
    workspace.replace(secret, 'refreshInterval: 1h', 'refreshInterval: 3600');
    expect(check(pdb)).toEqual([
      {
        file: pdb,
        line: workspace.lineOf(pdb, 'maxUnavailble'),
        message:
          'PodDisruptionBudget: spec has an unknown field "maxUnavailble"',
      },
    ]);
    expect(check(secret)).toEqual([
      {
        file: secret,
        line: workspace.lineOf(secret, 'refreshInterval'),
        message: 'ExternalSecret: spec.refreshInterval must be string',
      },
    ]);
  });

  it('leaves maps and free-form fields open: labels, annotations, Helm valuesObject', () => {
    workspace.replace(
      production,
      '  project: default\n  source:\n',
      '  project: default\n  source:\n    helm:\n      valuesObject:\n        anything: { nested: true }\n',
    );
    workspace.replace(
      production,
      'namespace: argocd\n',
      'namespace: argocd\n  annotations:\n    team.acme.io/anything: yes-really\n',
    );
    expect(check(production)).toEqual([]);
  });

  it('refuses label values the API server would refuse, on their own lines', () => {
    const long = `orders-api-${'x'.repeat(60)}`;
    workspace.replace(
      deployment,
      '    matchLabels:\n      app.kubernetes.io/name: orders-api',
      `    matchLabels:\n      app.kubernetes.io/name: ${long}`,
    );
    workspace.replace(
      deployment,
      '      labels:\n        app.kubernetes.io/name: orders-api',
      '      labels:\n        app.kubernetes.io/name: orders api',
    );
    expect(check(deployment)).toEqual([
      {
        file: deployment,
        line: workspace.lineOf(deployment, long),
        message: `Deployment: spec.selector.matchLabels["app.kubernetes.io/name"] is ${long.length} characters long; Kubernetes allows at most 63 in a label value`,
      },
      {
        file: deployment,
        line: workspace.lineOf(deployment, 'orders api'),
        message:
          'Deployment: spec.template.metadata.labels["app.kubernetes.io/name"] "orders api" is not a valid label value (letters, digits, "-", "_" and ".", starting and ending with a letter or digit)',
      },
    ]);
  });

  it('reads manifests as YAML 1.1, as Kubernetes does: `yes` is not a string', () => {
    workspace.replace(deployment, "value: '8080'", 'value: yes');
    expect(check(deployment)).toEqual([
      expect.objectContaining({
        line: workspace.lineOf(deployment, 'value: yes'),
        message:
          'Deployment: spec.template.spec.containers[0].env[0].value must be string',
      }),
    ]);
  });

  describe('Kustomization', () => {
    const overlay = 'deploy/overlays/staging/kustomization.yaml';

    it('rejects fields kustomize does not know', () => {
      workspace.replace(
        overlay,
        '    newTag: latest',
        '    newTag: latest\n    tag: latest',
      );
      expect(check(overlay)).toEqual([
        {
          file: overlay,
          line: workspace.lineOf(overlay, '    tag: latest'),
          message: 'Kustomization: images[0] has an unknown field "tag"',
        },
      ]);
    });

    it('reports a local resource that does not exist', () => {
      workspace.remove('deploy/base/service.yaml');
      const base = 'deploy/base/kustomization.yaml';
      expect(check(base)).toEqual([
        {
          file: base,
          line: workspace.lineOf(base, '- service.yaml'),
          message:
            'service.yaml does not exist (looked for deploy/base/service.yaml); kustomize build would fail',
        },
      ]);
    });

    it('accepts a base directory and remote bases', () => {
      workspace.replace(
        overlay,
        '  - ../../base',
        '  - ../../base\n  - https://github.com/acme/shared//monitoring?ref=v1\n  - github.com/acme/shared/alerts?ref=v2',
      );
      expect(check(overlay)).toEqual([]);
    });
  });

  describe('kinds without a schema', () => {
    const monitor = 'deploy/base/servicemonitor.yaml';
    beforeEach(() =>
      workspace.write(
        monitor,
        'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: orders-api\n',
      ),
    );

    it('are a problem that names the kind and the key to allow it', () => {
      expect(check(monitor)).toEqual([
        {
          file: monitor,
          line: 2,
          message: expect.stringContaining(
            'no schema for kind ServiceMonitor (apiVersion monitoring.coreos.com/v1)',
          ),
        },
      ]);
      expect(check(monitor)[0].message).toContain(
        'scaffolder.platform.validation.kubernetesKindsWithoutSchema as "monitoring.coreos.com/v1/ServiceMonitor"',
      );
    });

    it('pass when allowed explicitly', () => {
      expect(
        check(monitor, {
          kindsWithoutSchema: ['monitoring.coreos.com/v1/ServiceMonitor'],
        }),
      ).toEqual([]);
    });

    it('include a misspelled built-in kind and a nested type name', () => {
      workspace.write(
        monitor,
        'apiVersion: apps/v1\nkind: Deploymnet\n---\napiVersion: v1\nkind: PodSpec\n',
      );
      expect(check(monitor).map(p => p.line)).toEqual([2, 5]);
    });
  });

  it('skips catalog entities and YAML without apiVersion and kind', () => {
    expect(check('catalog-info.yaml')).toEqual([]);
    expect(check('mkdocs.yml')).toEqual([]);
  });
});
