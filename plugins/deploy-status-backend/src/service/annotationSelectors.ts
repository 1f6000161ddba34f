import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ARGOCD_APP_NAME,
  ANNOTATION_ARGOCD_APP_SELECTOR,
  ANNOTATION_GITLAB_PROJECT_ID,
  ANNOTATION_GITLAB_PROJECT_SLUG,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  readArgoCdApps,
  readGitlabProject,
  isKubernetesLabelValue,
  readKubernetesWorkloads,
} from '@internal/catalog-model-platform';
import { annotationValueTooLong, quoteValue } from '@internal/upstream-node';

/** What an entity's annotations ask of one source, or why they cannot be used. */
export type Selection<T> =
  | { state: 'ok'; value: T }
  | { state: 'not-configured'; message: string }
  | { state: 'error'; message: string };

// A selector term: key, optional operator and value(s); loose on purpose, the upstream is the judge.
const SELECTOR =
  /^[^\s,]+(?:\s*(?:=|==|!=)\s*[^\s,]*)?(?:\s*,\s*[^\s,]+(?:\s*(?:=|==|!=)\s*[^\s,]*)?)*$/;
const PROJECT_PATH = /^[\w.-]+(?:\/[\w.-]+)+$/;

export function kubernetesSelection(entity: Entity): Selection<string> {
  const workloads = readKubernetesWorkloads(entity);
  if (!workloads) {
    return {
      state: 'not-configured',
      message: `No ${ANNOTATION_KUBERNETES_ID} or ${ANNOTATION_KUBERNETES_LABEL_SELECTOR} annotation`,
    };
  }
  const tooLong =
    annotationValueTooLong(
      ANNOTATION_KUBERNETES_LABEL_SELECTOR,
      workloads.labelSelector ?? '',
    ) ?? annotationValueTooLong(ANNOTATION_KUBERNETES_ID, workloads.id ?? '');
  if (tooLong) {
    return { state: 'error', message: tooLong };
  }
  if (workloads.labelSelector) {
    return SELECTOR.test(workloads.labelSelector)
      ? { state: 'ok', value: workloads.labelSelector }
      : {
          state: 'error',
          message: `Annotation ${ANNOTATION_KUBERNETES_LABEL_SELECTOR} is not a label selector: ${quoteValue(
            workloads.labelSelector,
          )} (e.g. app.kubernetes.io/part-of=checkout)`,
        };
  }
  const id = workloads.id!;
  return isKubernetesLabelValue(id)
    ? { state: 'ok', value: `${ANNOTATION_KUBERNETES_ID}=${id}` }
    : {
        state: 'error',
        message: `Annotation ${ANNOTATION_KUBERNETES_ID} is not a valid Kubernetes label value: ${quoteValue(
          id,
        )} (letters, digits, -, _ and ., at most 63)`,
      };
}

export function argocdSelection(
  entity: Entity,
): Selection<{ name?: string; selector?: string; appNamespace?: string }> {
  const apps = readArgoCdApps(entity);
  if (!apps) {
    return {
      state: 'not-configured',
      message: `No ${ANNOTATION_ARGOCD_APP_NAME} or ${ANNOTATION_ARGOCD_APP_SELECTOR} annotation`,
    };
  }
  const tooLong =
    annotationValueTooLong(ANNOTATION_ARGOCD_APP_NAME, apps.name ?? '') ??
    annotationValueTooLong(ANNOTATION_ARGOCD_APP_SELECTOR, apps.selector ?? '');
  if (tooLong) {
    return { state: 'error', message: tooLong };
  }
  if (apps.name) {
    return /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(apps.name)
      ? {
          state: 'ok',
          value: { name: apps.name, appNamespace: apps.namespace },
        }
      : {
          state: 'error',
          message: `Annotation ${ANNOTATION_ARGOCD_APP_NAME} is not an application name: ${quoteValue(
            apps.name,
          )} (lower-case letters, digits, - and .)`,
        };
  }
  return SELECTOR.test(apps.selector!)
    ? {
        state: 'ok',
        value: { selector: apps.selector, appNamespace: apps.namespace },
      }
    : {
        state: 'error',
        message: `Annotation ${ANNOTATION_ARGOCD_APP_SELECTOR} is not a label selector: ${quoteValue(
          apps.selector,
        )} (e.g. backstage.io/kubernetes-id=checkout-api)`,
      };
}

export function gitlabSelection(
  entity: Entity,
): Selection<{ project: string; instance?: string }> {
  const project = readGitlabProject(entity);
  if (!project) {
    return {
      state: 'not-configured',
      message: `No ${ANNOTATION_GITLAB_PROJECT_SLUG} or ${ANNOTATION_GITLAB_PROJECT_ID} annotation`,
    };
  }
  const tooLong =
    annotationValueTooLong(
      ANNOTATION_GITLAB_PROJECT_SLUG,
      project.slug ?? '',
    ) ?? annotationValueTooLong(ANNOTATION_GITLAB_PROJECT_ID, project.id ?? '');
  if (tooLong) {
    return { state: 'error', message: tooLong };
  }
  if (project.slug) {
    return PROJECT_PATH.test(project.slug)
      ? {
          state: 'ok',
          value: { project: project.slug, instance: project.instance },
        }
      : {
          state: 'error',
          message: `Annotation ${ANNOTATION_GITLAB_PROJECT_SLUG} is not a project path: ${quoteValue(
            project.slug,
          )} (e.g. commerce/checkout-api)`,
        };
  }
  return /^\d+$/.test(project.id!)
    ? {
        state: 'ok',
        value: { project: project.id!, instance: project.instance },
      }
    : {
        state: 'error',
        message: `Annotation ${ANNOTATION_GITLAB_PROJECT_ID} is not a number: ${quoteValue(
          project.id,
        )}`,
      };
}
