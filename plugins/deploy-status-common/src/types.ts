import { Health } from './health';

/** The upstreams the deploy status is made of. */
export type SourceName = 'argocd' | 'gitlab' | 'kubernetes';

/**
 * What one upstream said: its data, or why there is none. A failing upstream never fails the
 * whole answer; it is this, with a message a person can act on.
 */
export type SourceResult<T> =
  | { state: 'ok'; data: T }
  /** The entity or the portal lacks what this source needs (an annotation, a config entry). */
  | { state: 'not-configured'; message: string }
  /** The upstream failed, timed out, or answered something unexpected. */
  | { state: 'error'; message: string };

export interface EnvironmentSummary {
  /** `environment:default/staging` */
  ref: string;
  name: string;
  title?: string;
  production: boolean;
  promotionOrder: number;
}

export interface CommitSummary {
  sha: string;
  shortSha: string;
  title: string;
  authorName: string;
  committedAt?: string;
  webUrl?: string;
}

export interface PipelineSummary {
  id: number;
  /** GitLab's pipeline status: success, failed, running, pending, canceled, … */
  status: string;
  ref: string;
  sha: string;
  webUrl: string;
  createdAt?: string;
}

/** One deploy from Argo CD's history. */
export interface DeployRecord {
  revision: string;
  deployedAt?: string;
  /** A user name, or `automated` for automated sync. */
  initiatedBy?: string;
}

export interface ArgoCdApplicationStatus {
  name: string;
  /** The Argo CD instance's name in `argocd.appLocatorMethods`. */
  instance: string;
  project: string;
  /** The application in Argo CD's UI. */
  url?: string;
  /** Synced, OutOfSync or Unknown. */
  syncStatus: string;
  health: Health;
  healthMessage?: string;
  /** The revision Argo CD last synced. */
  revision?: string;
  /** Whether sync is automated (non-production) or manual. */
  automated: boolean;
  operation?: {
    phase: string;
    startedAt?: string;
    finishedAt?: string;
    message?: string;
  };
  /** The last deploys, newest first (at most 10). */
  history: DeployRecord[];
}

/** Replica counts of a kind that has them (Deployment, StatefulSet, DaemonSet, ReplicaSet, Rollout). */
export interface ReplicaCounts {
  desired: number;
  ready: number;
  available: number;
  updated: number;
}

/** One object of the service on a cluster, with Argo CD's verdict on it. */
export interface ResourceStatus {
  /** Deployment, StatefulSet, DaemonSet, Rollout, Job, CronJob, Pod, Service, Ingress, … */
  kind: string;
  name: string;
  namespace: string;
  /** Argo CD's verdict by its rules; absent for kinds Argo CD does not assess (present, not unhealthy). */
  health?: Health;
  /** Why it is not Healthy, in Argo CD's words. */
  message?: string;
  replicas?: ReplicaCounts;
  /** An autoscaler's replica range and where it stands. */
  scaling?: {
    current: number;
    desired: number;
    min?: number;
    max: number;
  };
}

export interface PodProblem {
  name: string;
  namespace: string;
  /** CrashLoopBackOff, ImagePullBackOff, OOMKilled, Pending, NotReady, … */
  reason: string;
  message?: string;
  restarts: number;
}

export interface ClusterWorkloads {
  /**
   * The service's objects on the cluster that no other object controls (what Argo CD would have
   * in git), each with Argo CD's verdict: these make the cluster's health.
   */
  resources: ResourceStatus[];
  pods: { total: number; ready: number; restarts: number };
  /** Pods that are not serving and why: reasons beside the verdicts, never a verdict of their own. */
  podsNotReady: PodProblem[];
  /** Kinds the cluster does not serve (no Argo Rollouts, no autoscaling/v2), said once each. */
  notes: string[];
}

/** One cluster of an environment; clusters fail alone. */
export type ClusterStatus = {
  cluster: string;
} & SourceResult<ClusterWorkloads>;

export interface PromotionLag {
  /** The environment below, whose revision this one has not caught up with. */
  behind: string;
  /** Commits of the default branch deployed below and not here; undefined when not known. */
  commits?: number;
  /** When the oldest of those commits was made: how long this environment has been behind. */
  since?: string;
  /** Why the lag is not known, when it is not. */
  message?: string;
}

export interface EnvironmentDeployStatus {
  environment: EnvironmentSummary;
  /** The rollup of the sources that answered (rules in the backend README). */
  health: Health;
  /** The reasons behind a health other than Healthy, most important first. */
  healthReasons: string[];
  /** Sources that could have changed the health but did not answer. */
  unknownSources: SourceName[];
  argocd: SourceResult<{ applications: ArgoCdApplicationStatus[] }>;
  gitlab: SourceResult<{
    deployedCommit?: CommitSummary;
    deployedPipeline?: PipelineSummary;
  }>;
  kubernetes: SourceResult<{ clusters: ClusterStatus[] }>;
  /** Behind the environment below it; absent for the first environment or when nothing runs. */
  promotionLag?: PromotionLag;
}

export interface GitlabProjectStatus {
  path: string;
  webUrl: string;
  defaultBranch: string;
  headCommit?: CommitSummary;
  headPipeline?: PipelineSummary;
}

/** `GET /api/deploy-status/entities/:kind/:namespace/:name` */
export interface EntityDeployStatus {
  entityRef: string;
  /** When this answer was assembled (parts may come from a cache a few seconds old). */
  generatedAt: string;
  /** The worst environment health. */
  health: Health;
  gitlab: SourceResult<GitlabProjectStatus>;
  /** In promotion order. */
  environments: EnvironmentDeployStatus[];
}

/** `GET /api/deploy-status/entities?entityRef=…`: one item per asked ref, in the same order. */
export interface EntityDeployStatusList {
  items: Array<
    | { entityRef: string; status: EntityDeployStatus }
    | { entityRef: string; error: string }
  >;
}
