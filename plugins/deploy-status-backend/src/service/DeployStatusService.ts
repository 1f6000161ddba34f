import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { EnvironmentEntity } from '@internal/catalog-model-platform';
import {
  ArgoCdApplicationStatus,
  ClusterStatus,
  CommitSummary,
  EntityDeployStatus,
  EnvironmentDeployStatus,
  GitlabProjectStatus,
  PipelineSummary,
  SourceResult,
  worstHealth,
} from '@internal/plugin-deploy-status-common';
import { ArgoCdClient } from '../argocd/ArgoCdClient';
import { DeployStatusConfig } from '../config/readDeployStatusConfig';
import { GitlabClient, GitlabProject } from '../gitlab/GitlabClient';
import { KubernetesClient } from '../kubernetes/KubernetesClient';
import { RetryAfterGate } from '../upstream/RetryAfterGate';
import { UpstreamCache } from '../upstream/UpstreamCache';
import { upstreamMessage } from '../upstream/UpstreamError';
import {
  argocdSelection,
  gitlabSelection,
  kubernetesSelection,
} from './annotationSelectors';
import { EntityEnvironments } from './entityEnvironments';
import { promotionLag } from './promotionLag';
import { rollupEnvironment } from './rollupEnvironment';

type ArgoResult = SourceResult<{ applications: ArgoCdApplicationStatus[] }>;
type KubernetesResult = SourceResult<{ clusters: ClusterStatus[] }>;

/**
 * What round one learned from GitLab: the project, the newest commits of its default branch and
 * its newest pipelines. Deployed revisions are nearly always among those, so round two (a
 * request per revision) is only needed for an old one.
 */
interface GitlabBasics {
  client: GitlabClient;
  project: GitlabProject;
  commits: CommitSummary[];
  /** Undefined when GitLab would not list them; pipelines are then asked for by revision. */
  recentPipelines?: { pipelines: PipelineSummary[]; complete: boolean };
}

async function settle<T>(load: () => Promise<T>): Promise<SourceResult<T>> {
  try {
    return { state: 'ok', data: await load() };
  } catch (error) {
    return { state: 'error', message: upstreamMessage(error) };
  }
}

/**
 * Assembles an entity's deploy status. Round one asks Argo CD (per environment), Kubernetes (per
 * cluster) and GitLab (project, newest commits, newest pipelines) at once; round two asks GitLab
 * only about deployed revisions that round one did not cover (their commit or pipeline is older
 * than what was read), which only Argo CD's answer names.
 * Every upstream answer goes through the short per-source cache; every failure stays in its
 * source's slot.
 */
export class DeployStatusService {
  private readonly argocd: ArgoCdClient;
  private readonly kubernetes: KubernetesClient;
  private readonly gitlabClients = new Map<string, GitlabClient>();
  private readonly gitlabRequest: { timeoutMs: number; gate: RetryAfterGate };

  constructor(
    private readonly options: {
      config: DeployStatusConfig;
      integrations: ScmIntegrationRegistry;
      cache: UpstreamCache;
      environments: EntityEnvironments;
      gate?: RetryAfterGate;
      /** How Argo CD and Kubernetes look-ups are merged (defaults suit production). */
      batching?: { maxValues?: number; windowMs?: number };
    },
  ) {
    const gate = options.gate ?? new RetryAfterGate();
    const request = { timeoutMs: options.config.timeoutMs, gate };
    this.argocd = new ArgoCdClient({ ...request, batching: options.batching });
    this.kubernetes = new KubernetesClient({
      ...request,
      batching: options.batching,
    });
    this.gitlabRequest = request;
  }

  async getEntityStatus(entity: Entity): Promise<EntityDeployStatus> {
    return this.statusOf(entity, await this.options.environments.of(entity));
  }

  /**
   * Many entities at once (the catalog-wide page): their environments in one catalog request,
   * and their upstream look-ups started together, so same-kind lists are merged.
   */
  async getEntityStatuses(entities: Entity[]): Promise<EntityDeployStatus[]> {
    const environments = await this.options.environments.ofEach(entities);
    return Promise.all(
      entities.map((entity, i) => this.statusOf(entity, environments[i])),
    );
  }

  private async statusOf(
    entity: Entity,
    environments: EnvironmentEntity[],
  ): Promise<EntityDeployStatus> {
    const [argoResults, kubernetesResults, gitlabBasics] = await Promise.all([
      Promise.all(environments.map(env => this.argocdOf(entity, env))),
      Promise.all(environments.map(env => this.kubernetesOf(entity, env))),
      this.gitlabBasicsOf(entity),
    ]);

    const deployedRevisions = argoResults.map(revisionOf);
    const gitlabDetails = await this.gitlabDetailsOf(
      gitlabBasics,
      deployedRevisions,
    );

    const statuses = environments.map(
      (env, i): EnvironmentDeployStatus => ({
        environment: {
          ref: stringifyEntityRef(env),
          name: env.metadata.name,
          title: env.metadata.title,
          production: env.spec.production,
          promotionOrder: env.spec.promotionOrder,
        },
        ...rollupEnvironment(argoResults[i], kubernetesResults[i]),
        argocd: argoResults[i],
        gitlab: gitlabDetails.perEnvironment[i],
        kubernetes: kubernetesResults[i],
        promotionLag: this.lagOf(
          i,
          environments,
          deployedRevisions,
          gitlabBasics,
        ),
      }),
    );
    return {
      entityRef: stringifyEntityRef(entity),
      generatedAt: new Date().toISOString(),
      health: worstHealth(statuses.map(s => s.health)),
      gitlab: gitlabDetails.project,
      environments: statuses,
    };
  }

  private async argocdOf(
    entity: Entity,
    env: EnvironmentEntity,
  ): Promise<ArgoResult> {
    const selection = argocdSelection(entity);
    if (selection.state !== 'ok') {
      return selection;
    }
    const { instance: instanceName, project } = env.spec.argocd;
    const instance = this.options.config.argocdInstances.find(
      i => i.name === instanceName,
    );
    if (!instance) {
      return {
        state: 'not-configured',
        message: `Argo CD instance '${instanceName}' of ${stringifyEntityRef(
          env,
        )} is not in argocd.appLocatorMethods`,
      };
    }
    const lookup = { ...selection.value, project };
    return settle(async () => ({
      applications: await this.options.cache.get(
        `argocd:${instance.name}:${JSON.stringify(lookup)}`,
        this.options.config.cacheTtlSeconds.argocd,
        () => this.argocd.listApplications(instance, lookup),
      ),
    }));
  }

  private async kubernetesOf(
    entity: Entity,
    env: EnvironmentEntity,
  ): Promise<KubernetesResult> {
    const selection = kubernetesSelection(entity);
    if (selection.state !== 'ok') {
      return selection;
    }
    const clusters = await Promise.all(
      env.spec.clusters.map(async (ref): Promise<ClusterStatus> => {
        const name = parseEntityRef(ref, { defaultKind: 'resource' }).name;
        const cluster = this.options.config.clusters.find(c => c.name === name);
        if (!cluster) {
          return {
            cluster: name,
            state: 'not-configured',
            message: `Cluster '${name}' of ${stringifyEntityRef(
              env,
            )} is not in kubernetes.clusterLocatorMethods`,
          };
        }
        const result = await settle(() =>
          this.options.cache.get(
            `kubernetes:${cluster.name}:${selection.value}`,
            this.options.config.cacheTtlSeconds.kubernetes,
            () => this.kubernetes.workloads(cluster, selection.value),
          ),
        );
        return { cluster: name, ...result };
      }),
    );
    return { state: 'ok', data: { clusters } };
  }

  private gitlabClientOf(
    instance: string | undefined,
  ): SourceResult<GitlabClient> {
    const gitlab = this.options.integrations.gitlab;
    const [only, ...others] = gitlab.list();
    const integration = instance
      ? gitlab.byHost(instance)
      : others.length === 0 && only;
    if (!integration) {
      return {
        state: 'not-configured',
        message: instance
          ? `GitLab host '${instance}' (annotation gitlab.com/instance) is not in integrations.gitlab`
          : noHostMessage(Boolean(only)),
      };
    }
    const host = integration.config.host;
    let client = this.gitlabClients.get(host);
    if (!client) {
      client = new GitlabClient(integration.config, this.gitlabRequest);
      this.gitlabClients.set(host, client);
    }
    return { state: 'ok', data: client };
  }

  private async gitlabBasicsOf(
    entity: Entity,
  ): Promise<SourceResult<GitlabBasics>> {
    const selection = gitlabSelection(entity);
    if (selection.state !== 'ok') {
      return selection;
    }
    const client = this.gitlabClientOf(selection.value.instance);
    if (client.state !== 'ok') {
      return client;
    }
    const { project } = selection.value;
    const ttl = this.options.config.cacheTtlSeconds.gitlab;
    const key = `gitlab:${selection.value.instance ?? ''}:${project}`;
    // The pipeline list only saves round two: when it fails (CI disabled, a role that may not
    // read pipelines, a timeout), the project and its commits still count, and pipelines are
    // asked for one revision at a time as before.
    const recentPipelines = this.options.cache
      .get(`${key}:pipelines`, ttl, () =>
        client.data.listRecentPipelines(project),
      )
      .catch(() => undefined);
    return settle(async () => {
      // The Commits API lists the default branch when no ref is given, so both go at once.
      const [details, commits] = await Promise.all([
        this.options.cache.get(`${key}:project`, ttl, () =>
          client.data.getProject(project),
        ),
        this.options.cache.get(`${key}:commits`, ttl, () =>
          client.data.listDefaultBranchCommits(project),
        ),
      ]);
      return {
        client: client.data,
        project: details,
        commits,
        recentPipelines: await recentPipelines,
      };
    });
  }

  private async gitlabDetailsOf(
    basics: SourceResult<GitlabBasics>,
    revisions: Array<string | undefined>,
  ): Promise<{
    project: SourceResult<GitlabProjectStatus>;
    perEnvironment: EnvironmentDeployStatus['gitlab'][];
  }> {
    if (basics.state !== 'ok') {
      return {
        project: basics,
        perEnvironment: revisions.map(() => basics),
      };
    }
    const { client, project, commits, recentPipelines } = basics.data;
    const ttl = this.options.config.cacheTtlSeconds.gitlab;
    const key = `gitlab:${project.webUrl}`;
    const head = commits[0];
    const pipelineOf = (
      sha: string,
    ): Promise<SourceResult<PipelineSummary | null>> => {
      // Newest first, so the first match is the commit's newest pipeline.
      const known = recentPipelines?.pipelines.find(p => p.sha.startsWith(sha));
      if (known || recentPipelines?.complete) {
        return Promise.resolve({ state: 'ok', data: known ?? null });
      }
      return settle(() =>
        this.options.cache.get(
          `${key}:pipeline:${sha}`,
          ttl,
          async (): Promise<PipelineSummary | null> =>
            (await client.latestPipelineOf(String(project.id), sha)) ?? null,
        ),
      );
    };
    const commitOf = (sha: string): Promise<SourceResult<CommitSummary>> => {
      const known = commits.find(c => c.sha.startsWith(sha));
      return known
        ? Promise.resolve({ state: 'ok', data: known })
        : settle(() =>
            this.options.cache.get(`${key}:commit:${sha}`, ttl, () =>
              client.getCommit(String(project.id), sha),
            ),
          );
    };

    const [headPipeline, ...perEnvironment] = await Promise.all([
      head ? pipelineOf(head.sha) : undefined,
      ...revisions.map(
        async (revision): Promise<EnvironmentDeployStatus['gitlab']> => {
          if (!revision) {
            return { state: 'ok', data: {} };
          }
          const [commit, pipeline] = await Promise.all([
            commitOf(revision),
            pipelineOf(revision),
          ]);
          const failed = [commit, pipeline].find(r => r.state === 'error');
          if (failed && failed.state === 'error') {
            return failed;
          }
          return {
            state: 'ok',
            data: {
              deployedCommit: commit.state === 'ok' ? commit.data : undefined,
              deployedPipeline:
                pipeline.state === 'ok'
                  ? pipeline.data ?? undefined
                  : undefined,
            },
          };
        },
      ),
    ]);
    return {
      project: {
        state: 'ok',
        data: {
          path: project.path,
          webUrl: project.webUrl,
          defaultBranch: project.defaultBranch,
          headCommit: head,
          headPipeline:
            headPipeline?.state === 'ok'
              ? headPipeline.data ?? undefined
              : undefined,
        },
      },
      perEnvironment,
    };
  }

  private lagOf(
    index: number,
    environments: EnvironmentEntity[],
    revisions: Array<string | undefined>,
    gitlab: SourceResult<GitlabBasics>,
  ): EnvironmentDeployStatus['promotionLag'] {
    const revision = revisions[index];
    const lowerRevision = revisions[index - 1];
    if (index === 0 || !revision || !lowerRevision) {
      return undefined;
    }
    const behind = stringifyEntityRef(environments[index - 1]);
    if (gitlab.state !== 'ok') {
      return {
        behind,
        message: `GitLab is needed to count commits: ${gitlab.message}`,
      };
    }
    return promotionLag({
      behind,
      revision,
      lowerRevision,
      commits: gitlab.data.commits,
    });
  }
}

function noHostMessage(several: boolean): string {
  return several
    ? 'Several GitLab hosts are in integrations.gitlab; set the gitlab.com/instance annotation to pick one'
    : 'No GitLab host is configured in integrations.gitlab';
}

/** The revision an environment runs: its first application's (applications sorted by name). */
function revisionOf(argo: ArgoResult): string | undefined {
  if (argo.state !== 'ok') {
    return undefined;
  }
  return [...argo.data.applications]
    .sort((a, b) => a.name.localeCompare(b.name))
    .find(app => app.revision)?.revision;
}
