import { Entity } from '@backstage/catalog-model';

/*
 * Every annotation the portal's plugins read, in one place (docs/catalog-model.md explains each).
 * Names of third-party plugins are theirs, reused as they are so their views keep working.
 */

/** GitLab project path, e.g. `commerce/checkout-api` (GitLab plugin, deploy status, templates). */
export const ANNOTATION_GITLAB_PROJECT_SLUG = 'gitlab.com/project-slug';
/** Numeric GitLab project id; an alternative to the slug. */
export const ANNOTATION_GITLAB_PROJECT_ID = 'gitlab.com/project-id';
/** GitLab host when the portal knows several, e.g. `gitlab.example.com`. */
export const ANNOTATION_GITLAB_INSTANCE = 'gitlab.com/instance';

/** Argo CD application name (one application). */
export const ANNOTATION_ARGOCD_APP_NAME = 'argocd/app-name';
/** Argo CD label selector over applications, e.g. `backstage.io/kubernetes-id=checkout-api`. */
export const ANNOTATION_ARGOCD_APP_SELECTOR = 'argocd/app-selector';
/** Namespace of the Argo CD applications ("apps in any namespace"). */
export const ANNOTATION_ARGOCD_APP_NAMESPACE = 'argocd/app-namespace';

/** Value of the `backstage.io/kubernetes-id` label on the service's workloads. */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
/** Kubernetes label selector of the service's workloads, instead of the id. */
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';

/** Datadog SLO tag query, e.g. `service:checkout-api`. */
export const ANNOTATION_DATADOG_SLO_QUERY = 'datadoghq.com/slo-query';
/** Comma-separated Datadog SLO ids, in addition to or instead of the query. */
export const ANNOTATION_DATADOG_SLO_IDS = 'datadoghq.com/slo-ids';

/**
 * Comma-separated Environment refs the service is deployed to, when not all of them, e.g.
 * `development,staging`. Without it, the environments of the pipelines that deploy it count.
 */
export const ANNOTATION_ENVIRONMENTS = 'platformportal.io/environments';

function annotation(entity: Entity, name: string): string | undefined {
  const value = entity.metadata.annotations?.[name]?.trim();
  return value ? value : undefined;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
}

/** The GitLab project of an entity, by slug or id, or undefined when it has none. */
export function readGitlabProject(
  entity: Entity,
): { slug?: string; id?: string; instance?: string } | undefined {
  const slug = annotation(entity, ANNOTATION_GITLAB_PROJECT_SLUG);
  const id = annotation(entity, ANNOTATION_GITLAB_PROJECT_ID);
  if (!slug && !id) return undefined;
  return { slug, id, instance: annotation(entity, ANNOTATION_GITLAB_INSTANCE) };
}

/** How to find an entity's Argo CD applications, or undefined when it has none. */
export function readArgoCdApps(
  entity: Entity,
): { name?: string; selector?: string; namespace?: string } | undefined {
  const name = annotation(entity, ANNOTATION_ARGOCD_APP_NAME);
  const selector = annotation(entity, ANNOTATION_ARGOCD_APP_SELECTOR);
  if (!name && !selector) return undefined;
  return {
    name,
    selector,
    namespace: annotation(entity, ANNOTATION_ARGOCD_APP_NAMESPACE),
  };
}

/** How to find an entity's Kubernetes workloads, or undefined when it has none. */
export function readKubernetesWorkloads(
  entity: Entity,
): { id?: string; labelSelector?: string } | undefined {
  const id = annotation(entity, ANNOTATION_KUBERNETES_ID);
  const labelSelector = annotation(
    entity,
    ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  );
  if (!id && !labelSelector) return undefined;
  return { id, labelSelector };
}

/** An entity's Datadog SLO selection, or undefined when it has none. */
export function readDatadogSlos(
  entity: Entity,
): { query?: string; ids: string[] } | undefined {
  const query = annotation(entity, ANNOTATION_DATADOG_SLO_QUERY);
  const ids = list(annotation(entity, ANNOTATION_DATADOG_SLO_IDS));
  if (!query && ids.length === 0) return undefined;
  return { query, ids };
}

/** Environment refs named by the environments annotation (empty when absent). */
export function readEnvironmentRefs(entity: Entity): string[] {
  return list(annotation(entity, ANNOTATION_ENVIRONMENTS));
}
