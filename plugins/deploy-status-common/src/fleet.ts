import { Health } from './health';
import { EnvironmentSummary, SourceName } from './types';

/** A service with no deploy annotation (neither Argo CD nor Kubernetes): not a health, shown apart. */
export const NOT_DEPLOYED = 'not-deployed' as const;

/** A fleet row's health: the worst of its environments, or `not-deployed`. */
export type FleetHealth = Health | typeof NOT_DEPLOYED;

/** One environment of a fleet row: the same verdict as the per-entity answer, in brief. */
export interface FleetEnvironment {
  environment: EnvironmentSummary;
  health: Health;
  /** The first three reasons, worst first. */
  healthReasons: string[];
  /** Sources that could have changed the health but did not answer. */
  unknownSources: SourceName[];
  /** Why those sources did not answer (each failing source or cluster, at most three). */
  sourceErrors: string[];
  /** The revision Argo CD synced (that of the first application by name). */
  revision?: string;
  /** `Synced`, or the first other status among the applications (OutOfSync, Unknown). */
  syncStatus?: string;
  /** Over the clusters that answered. */
  pods?: { ready: number; total: number };
}

/** One service of `GET /api/deploy-status/fleet`. */
export interface FleetRow {
  entityRef: string;
  title?: string;
  /** The owner's entity ref (`group:default/checkout-team`) and title. */
  owner?: string;
  ownerTitle?: string;
  system?: string;
  systemTitle?: string;
  health: FleetHealth;
  /** In promotion order; empty for a service that is not deployed. */
  environments: FleetEnvironment[];
}

/** An entity ref with the title the catalog gives it. */
export interface FleetRefTitle {
  ref: string;
  title?: string;
}

/** What one refresh of the fleet asked its upstreams (GitLab is not asked). */
export interface FleetUpstreamRequests {
  total: number;
  /** One list per Argo CD instance × project (× app namespace) the environments name. */
  argocd: number;
  /** One per page of each cluster × kind list. */
  kubernetes: number;
  /** Requests for services whose annotations cannot be matched in those lists, asked alone. */
  alone: number;
}

/** `GET /api/deploy-status/fleet`: one page of the services the caller may see, worst first. */
export interface FleetPage {
  items: FleetRow[];
  /** Rows matching every filter. */
  totalItems: number;
  /** Pass as `cursor` for the next page; absent on the last. */
  nextCursor?: string;
  /** Rows per health after the owner, system and environment filters, before the health filter. */
  counts: Record<FleetHealth, number>;
  /** The owners, systems and environments of the services the caller may see, for filters. */
  facets: {
    owners: FleetRefTitle[];
    systems: FleetRefTitle[];
    environments: EnvironmentSummary[];
  };
  /** When the fleet snapshot was made (it is shared for a few seconds). */
  generatedAt: string;
  upstreamRequests: FleetUpstreamRequests;
}

/** The filters and page of `GET /api/deploy-status/fleet`. */
export interface FleetQuery {
  /** Entity refs; a row matches any. */
  owner?: string[];
  system?: string[];
  /** Environment refs or names: rows running there, with those environments only. */
  environment?: string[];
  health?: FleetHealth[];
  /** 1–500; 50 by default. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}
