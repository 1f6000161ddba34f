import { useEntity } from '@backstage/plugin-catalog-react';
import { isEnvironmentEntity } from '@internal/catalog-model-platform';
import { DetailsCard } from './DetailsCard';

/** Where an Environment sits in the promotion order and what runs it. */
export function EnvironmentDetailsCard() {
  const { entity } = useEntity();
  if (!isEnvironmentEntity(entity)) return null;
  const { spec } = entity;
  return (
    <DetailsCard
      title="Environment"
      fields={[
        { label: 'Production', value: spec.production ? 'yes' : 'no' },
        { label: 'Promotion order', value: String(spec.promotionOrder) },
        { label: 'Promotes to', value: spec.promotesTo ?? 'none (last)' },
        {
          label: 'Clusters',
          value: spec.clusters?.length
            ? spec.clusters.join(', ')
            : 'none (Argo CD only)',
        },
        {
          label: 'Argo CD',
          value: spec.argocd
            ? `instance ${spec.argocd.instance}, project ${spec.argocd.project}`
            : 'none (deployed to Kubernetes without Argo CD)',
        },
        {
          label: 'Cloud',
          value: spec.cloud
            ? `${spec.cloud.provider} ${spec.cloud.account}${
                spec.cloud.region ? ` (${spec.cloud.region})` : ''
              }`
            : undefined,
        },
      ]}
    />
  );
}
