import { createHash } from 'node:crypto';
import { ExampleEnvironment, ExampleService, Examples } from './readExamples';
import { Workload, workloadOf, WORKLOADS } from './workloads';

/** What went wrong with a release, seeded so the portal has something to show. */
export type Trouble = 'crash-loop' | 'degraded-rollout';

/** One deploy of a service to an environment. */
export interface Deploy {
  id: number;
  revision: string;
  deployedAt: number;
  author: string;
  message: string;
  /** When the revision was committed, where the sandbox knows (pushed revisions). */
  committedAt?: number;
}

/** A service as it runs in one environment: the release Argo CD and Kubernetes show. */
export interface Release {
  service: ExampleService & { kubernetesId: string };
  environment: ExampleEnvironment;
  /** What it runs as (see WORKLOADS). */
  workload: Workload;
  /**
   * Its namespace in each of the environment's clusters: the service's name, or
   * `<service>-<environment>` where a later environment shares the cluster.
   */
  namespace: string;
  /** Newest first; the first is what runs. */
  history: Deploy[];
  image: string;
  replicas: number;
  trouble?: Trouble;
}

/** A commit on a service's default branch. */
export interface Commit {
  /** 1 is the oldest the sandbox knows, NEWEST_COMMIT the head of main. */
  number: number;
  revision: string;
  author: string;
  message: string;
  committedAt: number;
}

export interface SandboxWorld {
  seed: string;
  releases: Release[];
  /** Per component name (services and every other repository), oldest first: main's history. */
  commits: Record<string, Commit[]>;
  /** The services the seeded trouble fell on, for the README and tests. */
  troubled: { crashLoop?: string; degradedRollout?: string };
  /**
   * Where pushes to created projects are released: the first environment with an Argo CD
   * instance and a cluster (the golden path's pushed Argo CD Application targets it).
   */
  deliveryEnvironment?: ExampleEnvironment;
}

const AUTHORS = [
  'Ada Lovelace',
  'Grace Hopper',
  'Linus Torvalds',
  'Barbara Liskov',
];
const MESSAGES = [
  'Bump dependencies',
  'Add retry to the payment client',
  'Tune readiness probe',
  'Expose request metrics',
  'Fix pagination of the list endpoint',
  'Raise memory limit',
];
const HOUR = 3600 * 1000;
/** The head of main; environments run this one or older. */
const NEWEST_COMMIT = 100;
/** How many commits of main the sandbox knows. */
const COMMITS_KEPT = 20;

function hash(...parts: Array<string | number>): string {
  return createHash('sha1').update(parts.join(':')).digest('hex');
}

/** A number in [0, n) that only depends on the seed and the parts. */
function pick(n: number, ...parts: Array<string | number>): number {
  return parseInt(hash(...parts).slice(0, 8), 16) % n;
}

/**
 * A service's namespace in an environment: its name, unless a later environment shares one of
 * the clusters (a preview environment on the development cluster), which then keeps the name.
 */
function namespaceOf(
  service: string,
  environment: ExampleEnvironment,
  environments: ExampleEnvironment[],
): string {
  const later = environments.slice(environments.indexOf(environment) + 1);
  const shared = later.some(other =>
    other.clusters.some(c => environment.clusters.includes(c)),
  );
  return shared ? `${service}-${environment.name}` : service;
}

/**
 * Every example service with a Kubernetes id, with the last commits of its main branch, released
 * to every environment: the newest commit in the first environment, each later one a commit or two
 * behind (promotion lag), with the last five deploys as history. The seed decides revisions,
 * authors and which two services carry the seeded trouble (a crash loop in the second
 * environment with Argo CD, a degraded rollout in the last production one). Trouble falls on plain Deployments
 * only (services not in WORKLOADS): the failure modes the sandbox models are a Deployment's, and
 * services of other shapes leave the seed's choice where it was before they came.
 */
export function buildWorld(
  examples: Examples,
  seed: string,
  nowMs: number,
): SandboxWorld {
  const services = examples.services.filter(
    (s): s is ExampleService & { kubernetesId: string } => !!s.kubernetesId,
  );
  const bySeed = services
    .filter(s => !(s.name in WORKLOADS))
    .sort((a, b) => hash(seed, a.name).localeCompare(hash(seed, b.name)));
  const environments = examples.environments;
  // Trouble shows in Argo CD as well, so it falls on environments that have it.
  const withArgoCd = environments.filter(e => e.argocdInstance);
  const promoted = withArgoCd.length > 0 ? withArgoCd : environments;
  const staging = promoted[1] ?? promoted[0];
  const production =
    [...promoted].reverse().find(e => e.production) ??
    promoted[promoted.length - 1];
  const crashLoop = bySeed[0]?.name;
  const degradedRollout = bySeed[1]?.name;

  const withCommits = [
    ...new Map(
      [...examples.repositories, ...services].map(c => [c.name, c]),
    ).values(),
  ];
  const commits = Object.fromEntries(
    withCommits.map(service => [
      service.name,
      Array.from({ length: COMMITS_KEPT }, (_, i): Commit => {
        const number = NEWEST_COMMIT - COMMITS_KEPT + 1 + i;
        return {
          number,
          revision: hash(seed, service.name, 'commit', number),
          author:
            AUTHORS[pick(AUTHORS.length, seed, service.name, number, 'author')],
          message:
            MESSAGES[pick(MESSAGES.length, seed, service.name, number, 'msg')],
          // Roughly one commit every 6 hours, the head an hour ago.
          committedAt: nowMs - ((NEWEST_COMMIT - number) * 6 + 1) * HOUR,
        };
      }),
    ]),
  );

  const releases = services.flatMap(service =>
    environments.map((environment, index) => {
      // Each environment further up runs a commit or two older than the one below it.
      const running =
        NEWEST_COMMIT -
        index * (1 + pick(2, seed, service.name, environment.name));
      const history = Array.from({ length: 5 }, (_, k): Deploy => {
        const commit = commits[service.name].find(
          c => c.number === running - k,
        )!;
        return {
          id: 5 - k,
          revision: commit.revision,
          // Deployed after the commit: minutes in development, hours further up.
          deployedAt: Math.min(
            commit.committedAt + (10 * 60_000 + index * 4 * HOUR),
            nowMs - 5 * 60_000,
          ),
          author: commit.author,
          message: commit.message,
        };
      });
      let trouble: Trouble | undefined;
      if (service.name === crashLoop && environment === staging) {
        trouble = 'crash-loop';
      } else if (
        service.name === degradedRollout &&
        environment === production
      ) {
        trouble = 'degraded-rollout';
      }
      return {
        service,
        environment,
        workload: workloadOf(service.name),
        namespace: namespaceOf(service.name, environment, environments),
        history,
        image: `registry.example.com/${
          service.name
        }:${history[0].revision.slice(0, 8)}`,
        replicas: environment.production ? 3 : 2,
        trouble,
      };
    }),
  );
  return {
    seed,
    releases,
    commits,
    troubled: { crashLoop, degradedRollout },
    deliveryEnvironment: environments.find(
      e => e.argocdInstance && e.clusters.length > 0,
    ),
  };
}
