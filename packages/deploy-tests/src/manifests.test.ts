import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { JsonObject } from '@backstage/types';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import {
  ConfigVariable,
  readConfigVariables,
  secretKeysOf,
  serverShutdownDelaySeconds,
} from './portalConfig';
import { KubernetesObject, renderKustomization } from './renderKustomization';
import {
  baseDir,
  deployDir,
  productionConfigFile,
  productionOverlayDir,
  repoRoot,
} from './repoPaths';
import { schemaProblems } from './schemaProblems';

// Reading the config schemas of the backend's dependencies takes a few seconds.
jest.setTimeout(60_000);

const READINESS = '/.backstage/health/v1/readiness';
const LIVENESS = '/.backstage/health/v1/liveness';
const BACKEND_PORT = 7007;

/** What README "Production configuration" calls secret; the config schemas must agree. */
const README_SECRETS = [
  'BACKEND_SECRET',
  'POSTGRES_PASSWORD',
  'GITLAB_TOKEN',
  'AUTH_GITLAB_CLIENT_SECRET',
  'AUTH_SESSION_SECRET',
  'ARGOCD_TOKEN',
  'K8S_SERVICE_ACCOUNT_TOKEN',
  'DATADOG_API_KEY',
  'DATADOG_APP_KEY',
];

function ofKind<T>(objects: KubernetesObject[], kind: string): T[] {
  return objects.filter(object => object.kind === kind) as unknown as T[];
}

function single<T>(objects: KubernetesObject[], kind: string): T {
  const found = ofKind<T>(objects, kind);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind}, found ${found.length}`);
  }
  return found[0];
}

/** Whether every label of a selector is on the pods. */
function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  const wanted = Object.entries(selector ?? {});
  return (
    wanted.length > 0 && wanted.every(([key, value]) => labels?.[key] === value)
  );
}

function backendContainer(deployment: IDeployment): IContainer {
  const containers = deployment.spec!.template.spec!.containers;
  expect(containers.map(c => c.name)).toEqual(['backend']);
  return containers[0];
}

/** A port given by name or number, as the container's port number. */
function containerPort(container: IContainer, port: string | number) {
  if (typeof port === 'number') return port;
  return container.ports?.find(p => p.name === port)?.containerPort;
}

function envOf(container: IContainer): Map<string, IEnvVar> {
  return new Map((container.env ?? []).map(env => [env.name, env]));
}

/** Checks that hold for the base and for every overlay. */
function describeRendered(): void {
  describe.each([
    ['deploy/base', baseDir],
    ['deploy/overlays/production', productionOverlayDir],
  ])('%s', (_label, dir) => {
    let objects: KubernetesObject[];
    beforeAll(() => {
      objects = renderKustomization(dir);
    });

    it('renders only objects that the schemas of platform:validate accept', () => {
      expect(objects.length).toBeGreaterThan(5);
      expect(objects.flatMap(schemaProblems)).toEqual([]);
    });

    it('contains no Secret: secret values never live in this repository', () => {
      expect(ofKind(objects, 'Secret')).toEqual([]);
    });

    it('labels every object as the portal', () => {
      for (const object of objects) {
        expect([object.kind, object.metadata.labels]).toEqual([
          object.kind,
          expect.objectContaining({
            'app.kubernetes.io/name': 'platform-portal',
            'app.kubernetes.io/part-of': 'platform-portal',
            'app.kubernetes.io/managed-by': 'kustomize',
          }),
        ]);
      }
      // The Kubernetes plugin finds the portal's own pods by this label (catalog-info.yaml).
      const pod = single<IDeployment>(objects, 'Deployment').spec!.template;
      expect(pod.metadata?.labels).toMatchObject({
        'backstage.io/kubernetes-id': 'platform-portal',
      });
    });
  });
}

describe('Kubernetes manifests (deploy/)', () => {
  it('every kustomization passes the kustomize schema of platform:validate', () => {
    const files = fs
      .readdirSync(deployDir, { recursive: true, encoding: 'utf8' })
      .filter(file => path.basename(file) === 'kustomization.yaml');
    expect(files.sort()).toEqual([
      'base/kustomization.yaml',
      'overlays/production/kustomization.yaml',
    ]);
    for (const file of files) {
      const kustomization = parseYaml(
        fs.readFileSync(path.join(deployDir, file), 'utf8'),
      );
      expect([file, schemaProblems(kustomization)]).toEqual([file, []]);
    }
  });

  describeRendered();

  describe('the production overlay', () => {
    let objects: KubernetesObject[];
    let deployment: IDeployment;
    let container: IContainer;
    let variables: ConfigVariable[];

    beforeAll(async () => {
      objects = renderKustomization(productionOverlayDir);
      deployment = single<IDeployment>(objects, 'Deployment');
      container = backendContainer(deployment);
      variables = await readConfigVariables(productionConfigFile);
    });

    function configMapNamed(name: string): IConfigMap {
      const found = ofKind<IConfigMap>(objects, 'ConfigMap').find(
        configMap => configMap.metadata?.name === name,
      );
      if (!found)
        throw new Error(`no ConfigMap ${name} in the rendered output`);
      return found;
    }

    /** The file a container path is, from the ConfigMap volume mounted over its folder. */
    function mountedFile(file: string): string | undefined {
      const mount = container.volumeMounts?.find(
        m => path.posix.dirname(file) === m.mountPath,
      );
      const volume = deployment.spec!.template.spec!.volumes?.find(
        v => v.name === mount?.name,
      );
      if (!volume?.configMap) return undefined;
      return configMapNamed(volume.configMap.name!).data?.[
        path.posix.basename(file)
      ];
    }

    /**
     * The configuration files of the container's command, in order: the image's own (copied
     * from the repository root by the Dockerfile) and the mounted ones, written out.
     */
    function configFilesOfCommand(): string[] {
      const command = container.command ?? [];
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-config-'));
      return command.flatMap((word, i) => {
        if (command[i - 1] !== '--config') return [];
        if (!path.posix.isAbsolute(word)) return [path.join(repoRoot, word)];
        const text = mountedFile(word);
        if (text === undefined) {
          throw new Error(
            `${word} of the command is not in a mounted ConfigMap`,
          );
        }
        const copy = path.join(dir, path.posix.basename(word));
        fs.writeFileSync(copy, text);
        return [copy];
      });
    }

    it('runs two or more replicas, and the autoscaler never goes below that', () => {
      const hpa = single<IHorizontalPodAutoscaler>(
        objects,
        'HorizontalPodAutoscaler',
      );
      expect(deployment.spec!.replicas).toBeGreaterThanOrEqual(2);
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      expect(hpa.spec!.scaleTargetRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: deployment.metadata!.name,
      });
      // Equal, so `kubectl apply` does not fight the autoscaler over the replica count.
      expect(hpa.spec!.minReplicas).toBe(deployment.spec!.replicas);
      expect(hpa.spec!.maxReplicas).toBeGreaterThan(hpa.spec!.minReplicas!);
      expect(hpa.spec!.metrics).toEqual([
        expect.objectContaining({
          type: 'Resource',
          resource: expect.objectContaining({ name: 'cpu' }),
        }),
      ]);
      // Utilisation is measured against the request.
      expect(container.resources?.requests?.cpu).toBeDefined();
    });

    it('keeps a replica up through voluntary disruptions and rollouts', () => {
      const pdb = single<IPodDisruptionBudget>(objects, 'PodDisruptionBudget');
      const labels = deployment.spec!.template.metadata?.labels;
      expect(pdb.spec?.minAvailable).toBe(1);
      expect(selects(pdb.spec?.selector?.matchLabels, labels)).toBe(true);
      expect(deployment.spec!.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
      const spread = deployment.spec!.template.spec!.topologySpreadConstraints;
      expect(spread).toContainEqual(
        expect.objectContaining({
          topologyKey: 'kubernetes.io/hostname',
          whenUnsatisfiable: 'DoNotSchedule',
        }),
      );
      for (const constraint of spread ?? []) {
        expect(selects(constraint.labelSelector?.matchLabels, labels)).toBe(
          true,
        );
      }
    });

    it('probes the health endpoints of the backend on its port, with a startup probe first', () => {
      const { readinessProbe, livenessProbe, startupProbe } = container;
      const probed = [readinessProbe, livenessProbe, startupProbe].map(
        probe => [
          probe?.httpGet?.path,
          containerPort(container, probe!.httpGet!.port),
        ],
      );
      expect(probed).toEqual([
        [READINESS, BACKEND_PORT],
        [LIVENESS, BACKEND_PORT],
        [LIVENESS, BACKEND_PORT],
      ]);
      // Liveness only takes over once the server answers: a slow start is not killed.
      const budget = (probe = startupProbe!) =>
        (probe.periodSeconds ?? 10) * (probe.failureThreshold ?? 3);
      expect(budget(startupProbe)).toBeGreaterThanOrEqual(300);
      expect(budget(startupProbe)).toBeGreaterThan(budget(livenessProbe));
    });

    it('drains before it stops: a shutdown delay the readiness probe sees, within the grace period', async () => {
      const delay = await serverShutdownDelaySeconds(configFilesOfCommand());
      if (delay === undefined || delay <= 0) {
        throw new Error(
          'backend.lifecycle.serverShutdownDelay is not set in the configuration the Deployment ' +
            'runs with: without it the backend closes its server at SIGTERM while the ingress ' +
            'still sends requests. Add it to app-config.production.yaml (README "Deploying to Kubernetes").',
        );
      }
      const readiness = container.readinessProbe!;
      expect(delay).toBeGreaterThanOrEqual(
        (readiness.periodSeconds ?? 10) * (readiness.failureThreshold ?? 3),
      );
      const grace =
        deployment.spec!.template.spec!.terminationGracePeriodSeconds!;
      expect(grace).toBeGreaterThan(delay);
      // What is left after the delay: requests in flight finish (the events bus answers its
      // long polls within 55 s), then the shutdown hooks run.
      expect(grace - delay).toBeGreaterThanOrEqual(60);
    });

    it('runs as a non-root user on a read-only root filesystem, writing only to /tmp', () => {
      const pod = deployment.spec!.template.spec!;
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: expect.any(Number),
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(pod.securityContext!.runAsUser).not.toBe(0);
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.securityContext?.capabilities?.add).toBeUndefined();
      const tmp = container.volumeMounts?.find(m => m.mountPath === '/tmp');
      const tmpVolume = pod.volumes?.find(v => v.name === tmp?.name);
      expect(tmpVolume?.emptyDir).toBeDefined();
      // Everything else is mounted read-only.
      const writable = (container.volumeMounts ?? [])
        .filter(mount => mount !== tmp && mount.readOnly !== true)
        .map(mount => mount.name);
      expect(writable).toEqual([]);
      // The namespace enforces what these settings meet.
      const namespace = single<INamespace>(objects, 'Namespace');
      expect(namespace.metadata?.labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
      });
      expect(deployment.metadata!.namespace).toBe(namespace.metadata?.name);
    });

    it('requests and limits CPU and memory, with a heap below the memory limit', () => {
      const { requests, limits } = container.resources ?? {};
      for (const resource of ['cpu', 'memory']) {
        expect([resource, requests?.[resource], limits?.[resource]]).toEqual([
          resource,
          expect.anything(),
          expect.anything(),
        ]);
      }
      const mebibytes = (quantity: string) => {
        const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
        if (!match) throw new Error(`unexpected memory quantity ${quantity}`);
        return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
      };
      const limit = mebibytes(String(limits!.memory));
      expect(limit).toBeGreaterThanOrEqual(mebibytes(String(requests!.memory)));
      const heap = Number(
        /--max-old-space-size=(\d+)/.exec(
          String(envOf(container).get('NODE_OPTIONS')?.value),
        )?.[1],
      );
      expect(heap).toBeGreaterThan(0);
      expect(heap).toBeLessThan(limit);
    });

    it('uses a service account without a token (the portal reads clusters with its own)', () => {
      const account = single<IServiceAccount>(objects, 'ServiceAccount');
      const pod = deployment.spec!.template.spec!;
      expect(pod.serviceAccountName).toBe(account.metadata?.name);
      expect(account.automountServiceAccountToken).toBe(false);
      expect(pod.automountServiceAccountToken).toBe(false);
    });

    it('sets every variable app-config.production.yaml asks for', () => {
      const env = envOf(container);
      const missing = variables
        .filter(variable => !variable.optional && !env.has(variable.name))
        .map(variable => variable.name);
      expect(missing).toEqual([]);
      // The schemas and the README agree on what is secret.
      const secret = variables.filter(v => v.secret).map(v => v.name);
      expect(secret).toEqual(expect.arrayContaining(README_SECRETS));
    });

    it('takes every secret variable from the Secret that the ExternalSecret fills', () => {
      const env = envOf(container);
      const externalSecret = single<IExternalSecret>(objects, 'ExternalSecret');
      const secretName =
        externalSecret.spec?.target?.name ?? externalSecret.metadata?.name;
      const produced = new Set(
        (externalSecret.spec?.data ?? []).map(entry => entry.secretKey),
      );
      expect(externalSecret.spec?.secretStoreRef).toMatchObject({
        kind: 'ClusterSecretStore',
        name: expect.any(String),
      });
      const secretNames = [
        ...new Set([
          ...README_SECRETS,
          ...variables.filter(v => v.secret).map(v => v.name),
        ]),
      ];
      for (const name of secretNames) {
        const ref = env.get(name)?.valueFrom?.secretKeyRef;
        expect([name, ref?.name, ref?.key]).toEqual([name, secretName, name]);
        expect([name, produced.has(name)]).toEqual([name, true]);
      }
      // Optional only where the backend starts without it.
      const optionalButRequired = secretNames.filter(
        name =>
          env.get(name)?.valueFrom?.secretKeyRef?.optional &&
          !variables.find(v => v.name === name)?.optional,
      );
      expect(optionalButRequired).toEqual([]);
      // And every key the Deployment reads from that Secret is produced.
      const notProduced = [...env.values()]
        .map(variable => variable.valueFrom?.secretKeyRef?.key)
        .filter(key => key !== undefined && !produced.has(key));
      expect(notProduced).toEqual([]);
    });

    it('takes the other variables from a ConfigMap that has them, and keeps secrets out of every ConfigMap', async () => {
      const secretNames = new Set([
        ...README_SECRETS,
        ...variables.filter(v => v.secret).map(v => v.name),
      ]);
      const fromConfigMaps = [...envOf(container).values()].flatMap(
        variable => {
          const ref = variable.valueFrom?.configMapKeyRef;
          return ref ? [{ name: variable.name, ref }] : [];
        },
      );
      expect(fromConfigMaps.length).toBeGreaterThan(5);
      expect(
        fromConfigMaps.filter(({ name }) => secretNames.has(name)),
      ).toEqual([]);
      // A required key the ConfigMap lacks would keep the pod from starting.
      const missing = fromConfigMaps
        .filter(
          ({ ref }) =>
            !ref.optional &&
            configMapNamed(ref.name!).data?.[ref.key] === undefined,
        )
        .map(({ name }) => name);
      expect(missing).toEqual([]);
      for (const configMap of ofKind<IConfigMap>(objects, 'ConfigMap')) {
        const keys = Object.keys(configMap.data ?? {});
        expect(keys.filter(key => secretNames.has(key))).toEqual([]);
        // Configuration files in a ConfigMap hold no key the schemas mark secret.
        for (const key of keys.filter(k => k.endsWith('.yaml'))) {
          const data = (parseYaml(configMap.data![key]) ?? {}) as JsonObject;
          expect([key, await secretKeysOf(data)]).toEqual([key, []]);
        }
      }
    });

    it('serves PORTAL_BASE_URL: Ingress host with TLS → Service port 80 → container port 7007', () => {
      const service = single<IService>(objects, 'Service');
      const ingress = single<IIngress>(objects, 'Ingress');
      const baseUrlRef =
        envOf(container).get('PORTAL_BASE_URL')?.valueFrom?.configMapKeyRef;
      const baseUrl = new URL(
        configMapNamed(baseUrlRef!.name!).data![baseUrlRef!.key],
      );

      expect(service.spec?.type).toBe('ClusterIP');
      expect(
        selects(
          service.spec?.selector,
          deployment.spec!.template.metadata?.labels,
        ),
      ).toBe(true);
      const [servicePort] = service.spec!.ports!;
      expect(service.spec!.ports).toHaveLength(1);
      expect(servicePort.port).toBe(80);
      expect(containerPort(container, servicePort.targetPort!)).toBe(
        BACKEND_PORT,
      );

      expect(ingress.spec?.rules).toHaveLength(1);
      const [rule] = ingress.spec!.rules!;
      expect(baseUrl.protocol).toBe('https:');
      expect(rule.host).toBe(baseUrl.host);
      expect(ingress.spec?.tls).toEqual([
        expect.objectContaining({ hosts: [baseUrl.host] }),
      ]);
      expect(rule.http!.paths).toHaveLength(1);
      const [
        {
          path: pathPrefix,
          backend: { service: backend },
        },
      ] = rule.http!.paths;
      expect(pathPrefix).toBe('/');
      expect(backend?.name).toBe(service.metadata?.name);
      expect(
        backend?.port?.name === servicePort.name ||
          backend?.port?.number === servicePort.port,
      ).toBe(true);
    });

    it('lets in only the ingress controller, and out only DNS, PostgreSQL, Redis and HTTPS', () => {
      const policy = single<INetworkPolicy>(objects, 'NetworkPolicy');
      const spec = policy.spec!;
      expect(
        selects(
          spec.podSelector.matchLabels,
          deployment.spec!.template.metadata?.labels,
        ),
      ).toBe(true);
      expect([...(spec.policyTypes ?? [])].sort()).toEqual([
        'Egress',
        'Ingress',
      ]);

      expect(spec.ingress).toHaveLength(1);
      const [ingressRule] = spec.ingress!;
      expect(ingressRule.from).toEqual([
        {
          namespaceSelector: {
            matchLabels: { 'kubernetes.io/metadata.name': expect.any(String) },
          },
        },
      ]);
      expect(ingressRule.ports).toEqual([
        { protocol: 'TCP', port: BACKEND_PORT },
      ]);

      const egressPorts = (spec.egress ?? []).flatMap(rule =>
        (rule.ports ?? []).map(p => `${p.protocol}/${p.port}`),
      );
      expect(egressPorts.sort()).toEqual(
        ['TCP/443', 'TCP/53', 'TCP/5432', 'TCP/6379', 'UDP/53'].sort(),
      );
      // Every egress rule names its ports; DNS goes to the cluster's DNS only.
      for (const rule of spec.egress ?? []) {
        expect(rule.ports?.length).toBeGreaterThan(0);
      }
      const dns = spec.egress!.find(rule =>
        rule.ports?.some(p => p.port === 53),
      );
      expect(dns?.to).toEqual([
        expect.objectContaining({
          podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        }),
      ]);
    });
  });
});
