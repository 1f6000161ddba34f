/**
 * Kubernetes resource health exactly as Argo CD computes it: a port of gitops-engine's
 * `pkg/health` checks and of the Lua checks Argo CD ships (CronJob, Rollout) or documents
 * (Application), one file per kind, and {@link resourceHealth} to dispatch by group and kind.
 */
export { resourceHealth } from './resourceHealth';
export type { KubernetesResource } from './resourceHealth';
export type { HealthVerdict } from './verdict';
export { applicationHealth } from './applicationHealth';
export type { ArgoApplication } from './applicationHealth';
export { cronJobHealth } from './cronJobHealth';
export { daemonSetHealth } from './daemonSetHealth';
export { deploymentHealth } from './deploymentHealth';
export {
  horizontalPodAutoscalerHealth,
  HPA_V1_CONDITIONS_ANNOTATION,
} from './horizontalPodAutoscalerHealth';
export { ingressHealth } from './ingressHealth';
export { jobHealth } from './jobHealth';
export { persistentVolumeClaimHealth } from './persistentVolumeClaimHealth';
export { podHealth } from './podHealth';
export { replicaSetHealth } from './replicaSetHealth';
export { rolloutHealth } from './rolloutHealth';
export type { ArgoRollout } from './rolloutHealth';
export { serviceHealth } from './serviceHealth';
export { statefulSetHealth } from './statefulSetHealth';
