import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { DeploymentsMatrix } from './DeploymentsMatrix';
import { HeadLine } from './HeadLine';
import { RefreshAction } from './RefreshAction';
import { useEntityDeployStatus } from './useEntityDeployStatus';
import { useKubernetesTabLink } from './useKubernetesTabLink';

/** Environments × (health, version, sync, pipeline, pods, lag) on the service's overview. */
export function EntityDeploymentsCard() {
  const { value, loading, error, retry } = useEntityDeployStatus();
  const kubernetesLink = useKubernetesTabLink();
  return (
    <InfoCard
      title="Deployments"
      action={
        <RefreshAction
          generatedAt={value?.generatedAt}
          loading={loading}
          onRefresh={retry}
        />
      }
    >
      {error && <ResponseErrorPanel error={error} />}
      {!value && loading && <Progress />}
      {value && (
        <>
          <HeadLine status={value} />
          <DeploymentsMatrix status={value} kubernetesLink={kubernetesLink} />
        </>
      )}
    </InfoCard>
  );
}
