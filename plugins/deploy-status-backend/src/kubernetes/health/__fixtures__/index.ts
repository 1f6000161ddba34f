import { ApiObject } from './apiObject';
import { applications, rollouts } from './argo';
import { hpasV1, hpasV2, hpasV2beta1, hpasV2beta2 } from './autoscalers';
import { cronJobs, jobs } from './jobs';
import { ingresses, services } from './networking';
import { pods } from './pods';
import { persistentVolumeClaims } from './storage';
import { unassessed } from './unassessed';
import {
  daemonSets,
  deployments,
  replicaSets,
  statefulSets,
} from './workloads';

export type { ApiObject } from './apiObject';
export { podMessages } from './pods';
export { hpaConditions } from './autoscalers';
export {
  applications,
  cronJobs,
  daemonSets,
  deployments,
  hpasV1,
  hpasV2,
  hpasV2beta1,
  hpasV2beta2,
  ingresses,
  jobs,
  persistentVolumeClaims,
  pods,
  replicaSets,
  rollouts,
  services,
  statefulSets,
  unassessed,
};

const groups: Record<string, Record<string, ApiObject>> = {
  applications,
  cronJobs,
  daemonSets,
  deployments,
  hpasV1,
  hpasV2,
  hpasV2beta1,
  hpasV2beta2,
  ingresses,
  jobs,
  persistentVolumeClaims,
  pods,
  replicaSets,
  rollouts,
  services,
  statefulSets,
  unassessed,
};

/** Every fixture object, named `group.name`, for the schema check. */
export const allFixtures: Array<[string, ApiObject]> = Object.entries(
  groups,
).flatMap(([group, objects]) =>
  Object.entries(objects).map(
    ([name, object]) => [`${group}.${name}`, object] as [string, ApiObject],
  ),
);
