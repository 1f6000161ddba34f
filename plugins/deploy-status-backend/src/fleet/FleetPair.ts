import { Entity } from '@backstage/catalog-model';
import { EnvironmentEntity } from '@internal/catalog-model-platform';
import {
  argocdSelection,
  kubernetesSelection,
} from '../service/annotationSelectors';

/** A service in one of its environments, with what its annotations ask (read once per service). */
export interface FleetPair {
  entity: Entity;
  env: EnvironmentEntity;
  argocd: ReturnType<typeof argocdSelection>;
  kubernetes: ReturnType<typeof kubernetesSelection>;
}
