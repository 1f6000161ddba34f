import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  deployedRevisionOf,
  EnvironmentDeployStatus,
  PromotionLag,
} from '@internal/plugin-deploy-status-common';
import { age, refName } from './format';
import { HealthChip } from './HealthChip';
import { SourceProblem } from './SourceProblem';

const SOURCE_TITLES = {
  argocd: 'Argo CD',
  gitlab: 'GitLab',
  kubernetes: 'Kubernetes',
};

/** The environment's rollup, its main reason, and which sources could not say. */
export function HealthCell(props: { status: EnvironmentDeployStatus }) {
  const { health, healthReasons, unknownSources } = props.status;
  return (
    <Box>
      <HealthChip health={health} title={healthReasons.join('\n')} />
      {healthReasons[0] && (
        <Typography variant="caption" display="block">
          {healthReasons[0]}
          {healthReasons.length > 1 && ` (+${healthReasons.length - 1} more)`}
        </Typography>
      )}
      {unknownSources.length > 0 && (
        <Typography variant="caption" display="block" color="error">
          Not known from {unknownSources.map(s => SOURCE_TITLES[s]).join(', ')}
        </Typography>
      )}
    </Box>
  );
}

/** The deployed revision, its commit and author, linked to GitLab. */
export function VersionCell(props: { status: EnvironmentDeployStatus }) {
  const { argocd, gitlab } = props.status;
  if (argocd.state !== 'ok') {
    return <SourceProblem source="Argo CD" result={argocd} />;
  }
  const revision = deployedRevisionOf(argocd.data.applications);
  if (!revision) {
    return <Typography variant="body2">Not deployed</Typography>;
  }
  const commit = gitlab.state === 'ok' ? gitlab.data.deployedCommit : undefined;
  return (
    <Box>
      {commit?.webUrl ? (
        <Link to={commit.webUrl}>
          <code>{commit.shortSha}</code>
        </Link>
      ) : (
        <code>{revision.slice(0, 8)}</code>
      )}
      {commit && (
        <Typography variant="caption" display="block">
          {commit.title} · {commit.authorName}
        </Typography>
      )}
      {gitlab.state !== 'ok' && (
        <SourceProblem source="GitLab" result={gitlab} />
      )}
    </Box>
  );
}

/** Each application's sync status, linked to Argo CD; manual sync said so. */
export function SyncCell(props: { status: EnvironmentDeployStatus }) {
  const { argocd } = props.status;
  if (argocd.state !== 'ok') {
    return <SourceProblem source="Argo CD" result={argocd} />;
  }
  if (argocd.data.applications.length === 0) {
    return <Typography variant="body2">No application</Typography>;
  }
  return (
    <Box>
      {argocd.data.applications.map(app => (
        <Typography key={app.name} variant="body2">
          {app.url ? (
            <Link to={app.url}>{app.syncStatus}</Link>
          ) : (
            app.syncStatus
          )}
          <Typography variant="caption" component="span">
            {' '}
            {app.name}
            {app.automated ? '' : ' · manual sync'}
          </Typography>
        </Typography>
      ))}
    </Box>
  );
}

/** The pipeline that built the deployed revision. */
export function PipelineCell(props: { status: EnvironmentDeployStatus }) {
  const { gitlab } = props.status;
  if (gitlab.state !== 'ok') {
    return <SourceProblem source="GitLab" result={gitlab} />;
  }
  const pipeline = gitlab.data.deployedPipeline;
  if (!pipeline) {
    return <Typography variant="body2">–</Typography>;
  }
  return (
    <Link to={pipeline.webUrl}>
      #{pipeline.id} {pipeline.status}
    </Link>
  );
}

/** Ready pods per cluster and what is wrong with the others, linked to the Kubernetes tab. */
export function PodsCell(props: {
  status: EnvironmentDeployStatus;
  kubernetesLink?: string;
}) {
  const { kubernetes } = props.status;
  if (kubernetes.state !== 'ok') {
    return <SourceProblem source="Kubernetes" result={kubernetes} />;
  }
  return (
    <Box>
      {kubernetes.data.clusters.map(cluster => {
        if (cluster.state !== 'ok') {
          return (
            <Box key={cluster.cluster}>
              <SourceProblem source={cluster.cluster} result={cluster} />
            </Box>
          );
        }
        const { pods, podsNotReady } = cluster.data;
        const reasons = [...new Set(podsNotReady.map(p => p.reason))];
        const text = `${cluster.cluster}: ${pods.ready}/${pods.total} ready`;
        return (
          <Box key={cluster.cluster}>
            <Typography variant="body2">
              {props.kubernetesLink ? (
                <Link to={props.kubernetesLink}>{text}</Link>
              ) : (
                text
              )}
            </Typography>
            {reasons.length > 0 && (
              <Typography variant="caption" color="error" display="block">
                {reasons.join(', ')}
                {pods.restarts > 0 && ` · ${pods.restarts} restarts`}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}

export function lagText(lag: PromotionLag | undefined): string {
  if (!lag) {
    return '–';
  }
  if (lag.commits === undefined) {
    return lag.message ?? 'unknown';
  }
  if (lag.commits === 0) {
    return `up to date with ${refName(lag.behind)}`;
  }
  return `${lag.commits} commit${lag.commits === 1 ? '' : 's'} behind ${refName(
    lag.behind,
  )}${lag.since ? `, for ${age(lag.since)}` : ''}`;
}

export function LagCell(props: { status: EnvironmentDeployStatus }) {
  return (
    <Typography variant="body2">
      {lagText(props.status.promotionLag)}
    </Typography>
  );
}
