import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { DeploymentsMatrix } from './DeploymentsMatrix';
import { HeadLine } from './HeadLine';
import { EnvironmentDetails } from './EnvironmentDetails';
import { RefreshAction } from './RefreshAction';
import { useEntityDeployStatus } from './useEntityDeployStatus';
import { useKubernetesTabLink } from './useKubernetesTabLink';

/** The Deployments tab: the matrix, then each environment in full with its deploy timeline. */
export function EntityDeploymentsContent() {
  const { value, loading, error, retry } = useEntityDeployStatus();
  const kubernetesLink = useKubernetesTabLink();
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return <Progress />;
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="Deployments"
          action={
            <RefreshAction
              generatedAt={value.generatedAt}
              loading={loading}
              onRefresh={retry}
            />
          }
        >
          <HeadLine status={value} />
          <DeploymentsMatrix status={value} kubernetesLink={kubernetesLink} />
        </InfoCard>
      </Grid>
      {value.environments.map(env => (
        <Grid item xs={12} md={6} lg={4} key={env.environment.ref}>
          <EnvironmentDetails status={env} />
        </Grid>
      ))}
    </Grid>
  );
}
