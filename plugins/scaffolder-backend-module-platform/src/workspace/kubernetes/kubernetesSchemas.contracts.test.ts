import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ErrorObject } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { contractsDir } from '../../__testUtils__/contracts';
import { FixtureWorkspace } from '../../__testUtils__/fixtureWorkspace';
import { KubernetesSchemas } from './kubernetesSchemas';

/**
 * The built-in validators must agree with the strict JSON Schemas in ../shared/contracts (the
 * kubeconform "standalone-strict" Kubernetes schemas and Argo CD's Application schema): the
 * golden path's manifests pass both, and each deliberately broken manifest fails both, at the
 * same place.
 */
const contract = (file: string) => {
  // Formats (int32, int64) are not part of the agreement: the contract schemas only name them.
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateFormats: false,
  });
  const validate = ajv.compile(
    JSON.parse(fs.readFileSync(path.join(contractsDir, file), 'utf8')),
  );
  return (manifest: unknown): ErrorObject[] =>
    validate(manifest) ? [] : [...(validate.errors ?? [])];
};

const contracts: Record<string, (manifest: unknown) => ErrorObject[]> = {
  'apps/v1/Deployment': contract(
    'kubernetes/schemas-v1.32.2-standalone-strict/deployment-apps-v1.json',
  ),
  'v1/Service': contract(
    'kubernetes/schemas-v1.32.2-standalone-strict/service-v1.json',
  ),
  'autoscaling/v2/HorizontalPodAutoscaler': contract(
    'kubernetes/schemas-v1.32.2-standalone-strict/horizontalpodautoscaler-autoscaling-v2.json',
  ),
  'argoproj.io/v1alpha1/Application': contract(
    'argocd/application_v1alpha1.jsonschema.json',
  ),
};

const schemas = new KubernetesSchemas();
const ours = (manifest: { apiVersion: string; kind: string }) =>
  schemas.validatorFor(manifest.apiVersion, manifest.kind)!(manifest);
const theirs = (manifest: { apiVersion: string; kind: string }) =>
  contracts[`${manifest.apiVersion}/${manifest.kind}`](manifest);

/** Where an error points: the field itself for an unknown field. */
const placeOf = (e: ErrorObject) =>
  e.keyword === 'additionalProperties'
    ? `${e.instancePath}/${
        (e.params as { additionalProperty: string }).additionalProperty
      }`
    : e.instancePath;

const workspace = new FixtureWorkspace('node-service');
afterAll(() => workspace.cleanup());
const manifestsOf = (file: string) =>
  parseAllDocuments(workspace.read(file)).map(d => d.toJS());

const goldenManifests = [
  'deploy/base/deployment.yaml',
  'deploy/base/service.yaml',
  'deploy/base/horizontalpodautoscaler.yaml',
  'argocd/development.yaml',
  'argocd/staging.yaml',
  'argocd/production.yaml',
].flatMap(file =>
  manifestsOf(file).map(m => [`${file} (${m.metadata.name})`, m]),
);

describe('built-in Kubernetes schemas agree with the contract schemas', () => {
  it.each(goldenManifests)('both accept %s', (_name, manifest) => {
    expect(theirs(manifest)).toEqual([]);
    expect(ours(manifest)).toEqual([]);
  });

  const deployment = manifestsOf('deploy/base/deployment.yaml')[0];
  const service = manifestsOf('deploy/base/service.yaml')[0];
  const hpa = manifestsOf('deploy/base/horizontalpodautoscaler.yaml')[0];
  const application = manifestsOf('argocd/development.yaml')[0];
  const breakIt = (manifest: unknown, change: (m: any) => void) => {
    const copy = structuredClone(manifest);
    change(copy);
    return copy;
  };

  it.each([
    [
      'an unknown field in a container',
      breakIt(deployment, m => {
        m.spec.template.spec.containers[0].imagePullPolice = 'Always';
      }),
      '/spec/template/spec/containers/0/imagePullPolice',
    ],
    [
      'an unknown Deployment spec field',
      breakIt(deployment, m => {
        m.spec.replica = 2;
      }),
      '/spec/replica',
    ],
    [
      'replicas as a string',
      breakIt(deployment, m => {
        m.spec.replicas = 'two';
      }),
      '/spec/replicas',
    ],
    [
      'an unknown field in the pod security context',
      breakIt(deployment, m => {
        m.spec.template.spec.securityContext.runAsNonroot = true;
      }),
      '/spec/template/spec/securityContext/runAsNonroot',
    ],
    [
      'a Service port that is not a number',
      breakIt(service, m => {
        m.spec.ports[0].port = 'eighty';
      }),
      '/spec/ports/0/port',
    ],
    [
      'a misspelled Service field',
      breakIt(service, m => {
        m.spec.selecter = m.spec.selector;
      }),
      '/spec/selecter',
    ],
    [
      'a misspelled HPA metric target field',
      breakIt(hpa, m => {
        m.spec.metrics[0].resource.target.averageUtilisation = 70;
      }),
      '/spec/metrics/0/resource/target/averageUtilisation',
    ],
    [
      'a misspelled Application source field',
      breakIt(application, m => {
        m.spec.source.targetRevison = 'main';
      }),
      '/spec/source/targetRevison',
    ],
    [
      'an Application sync option that is not a boolean',
      breakIt(application, m => {
        m.spec.syncPolicy.automated.prune = 'yes';
      }),
      '/spec/syncPolicy/automated/prune',
    ],
    [
      'a misspelled Application destination field',
      breakIt(application, m => {
        m.spec.destination.namespce = 'orders-api';
      }),
      '/spec/destination/namespce',
    ],
  ])('both reject %s, at the same place', (_name, manifest, place) => {
    const contractPlaces = theirs(manifest as any).map(placeOf);
    const ourPlaces = ours(manifest as any).map(placeOf);
    expect(contractPlaces).toContain(place);
    expect(ourPlaces).toContain(place);
  });

  it('differ in one place: an unknown top-level Application field, which only ours rejects', () => {
    // The contract's Application schema (converted from the CRD) leaves the top level open; the
    // API server's strict field validation (kubectl's default) rejects it, as ours does.
    const manifest = breakIt(application, m => {
      m.specs = {};
    });
    expect(theirs(manifest as any)).toEqual([]);
    expect(ours(manifest as any).map(placeOf)).toEqual(['/specs']);
  });
});
