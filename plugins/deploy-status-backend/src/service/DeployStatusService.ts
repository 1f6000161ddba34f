import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EnvironmentEntity } from '@internal/catalog-model-platform';
import {
  ClusterStatus,
  CommitSummary,
  EntityDeployStatus,
  EnvironmentDeployStatus,
  GitlabProjectStatus,
  PipelineSummary,
  SourceResult,
  deployedRevisionOf,
  worstHealth,
} from '@internal/plugin-deploy-status-common';
import { UpstreamService } from '@internal/upstream-node';
import {
  ArgoResult,
  argocdOfEnvironment,
  namedApplication,
  readNamedApplication,
  readSelectedApplications,
} from '../argocd/environmentApplications';
import { DeployStatusConfig } from '../config/readDeployStatusConfig';
import {
  GitlabProject,
  GitlabProjectReader,
} from '../gitlab/GitlabProjectReader';
import { environmentClusters } from '../kubernetes/environmentClusters';
import { cachedClusterWorkloads } from '../kubernetes/readClusterWorkloads';
import {
  argocdSelection,
  gitlabSelection,
  kubernetesSelection,
} from './annotationSelectors';
import { EntityEnvironments } from './entityEnvironments';
import { environmentSummary } from './environmentSummary';
import { promotionLag } from './promotionLag';
import { rollupEnvironment } from './rollupEnvironment';
import { settle } from './settle';

type KubernetesResult = SourceResult<{ clusters: ClusterStatus[] }>;

/**
 * What round one learned from GitLab: the project, the newest commits of its default branch and
 * its newest pipelines. Deployed revisions are nearly always among those, so round two (a
 * request per revision) is only needed for an old one.
 */
interface GitlabBasics {
  client: GitlabProjectReader;
  project: GitlabProject;
  commits: CommitSummary[];
  /** Undefined when GitLab would not list them; pipelines are then asked for by revision. */
  recentPipelines?: { pipelines: PipelineSummary[]; complete: boolean };
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
  private readonly gitlabReaders = new Map<string, GitlabProjectReader>();

  constructor(
    private readonly options: {
      config: DeployStatusConfig;
      upstream: UpstreamService;
      environments: EntityEnvironments;
    },
  ) {}

  private get cache() {
    return this.options.upstream.cache;
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
        environment: environmentSummary(env),
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
    const { upstream } = this.options;
    const target = argocdOfEnvironment(env, upstream.argocdInstances);
    if (target.state !== 'ok') {
      return target;
    }
    const { instance, project } = target.value;
    const { name, selector, appNamespace } = selection.value;
    const ttl = this.options.config.cacheTtlSeconds.argocd;
    if (name) {
      const result = await settle(() =>
        readNamedApplication(upstream, ttl, { instance, name, appNamespace }),
      );
      return result.state === 'ok'
        ? namedApplication(result.data, { name, instance, project, env })
        : result;
    }
    return settle(async () => ({
      applications: await readSelectedApplications(upstream, ttl, {
        instance,
        selector: selector!,
        project,
        appNamespace,
      }),
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
    const { upstream } = this.options;
    const clusters = environmentClusters(env, upstream.clusters);
    if (clusters.state !== 'ok') {
      return clusters;
    }
    return {
      state: 'ok',
      data: {
        clusters: await Promise.all(
          clusters.value.map(async (found): Promise<ClusterStatus> => {
            if ('notConfigured' in found) {
              return {
                cluster: found.name,
                state: 'not-configured',
                message: found.notConfigured,
              };
            }
            const result = await settle(() =>
              cachedClusterWorkloads(
                upstream,
                this.options.config.cacheTtlSeconds.kubernetes,
                found.cluster,
                selection.value,
              ),
            );
            return { cluster: found.name, ...result };
          }),
        ),
      },
    };
  }

  private gitlabReaderOf(
    instance: string | undefined,
  ): SourceResult<GitlabProjectReader> {
    const found = this.options.upstream.gitlab(instance);
    if (found.state !== 'ok') {
      return found;
    }
    const host = found.client.integration.host;
    let reader = this.gitlabReaders.get(host);
    if (!reader) {
      reader = new GitlabProjectReader(found.client);
      this.gitlabReaders.set(host, reader);
    }
    return { state: 'ok', data: reader };
  }

  private async gitlabBasicsOf(
    entity: Entity,
  ): Promise<SourceResult<GitlabBasics>> {
    const selection = gitlabSelection(entity);
    if (selection.state !== 'ok') {
      return selection;
    }
    const client = this.gitlabReaderOf(selection.value.instance);
    if (client.state !== 'ok') {
      return client;
    }
    const { project } = selection.value;
    const ttl = this.options.config.cacheTtlSeconds.gitlab;
    const key = `gitlab:${selection.value.instance ?? ''}:${project}`;
    // The pipeline list only saves round two: when it fails (CI disabled, a role that may not
    // read pipelines, a timeout), the project and its commits still count, and pipelines are
    // asked for one revision at a time as before.
    const recentPipelines = this.cache
      .get(`${key}:pipelines`, ttl, () =>
        client.data.listRecentPipelines(project),
      )
      .catch(() => undefined);
    return settle(async () => {
      // The Commits API lists the default branch when no ref is given, so both go at once.
      const [details, commits] = await Promise.all([
        this.cache.get(`${key}:project`, ttl, () =>
          client.data.getProject(project),
        ),
        this.cache.get(`${key}:commits`, ttl, () =>
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
        this.cache.get(
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
            this.cache.get(`${key}:commit:${sha}`, ttl, () =>
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

function revisionOf(argo: ArgoResult): string | undefined {
  return argo.state === 'ok'
    ? deployedRevisionOf(argo.data.applications)
    : undefined;
}
