import { stringifyEntityRef } from '@backstage/catalog-model';
import { EnvironmentEntity } from '@internal/catalog-model-platform';
import { EnvironmentSummary } from '@internal/plugin-deploy-status-common';

/** An environment as answers name it. */
export function environmentSummary(env: EnvironmentEntity): EnvironmentSummary {
  return {
    ref: stringifyEntityRef(env),
    name: env.metadata.name,
    title: env.metadata.title,
    production: env.spec.production,
    promotionOrder: env.spec.promotionOrder,
  };
}
