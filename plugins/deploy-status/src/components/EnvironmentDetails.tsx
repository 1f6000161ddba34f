import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  ArgoCdApplicationStatus,
  ClusterStatus,
  EnvironmentDeployStatus,
} from '@internal/plugin-deploy-status-common';
import { age } from './format';
import { HealthChip } from './HealthChip';
import { SourceProblem } from './SourceProblem';

function Application(props: { app: ArgoCdApplicationStatus }) {
  const { app } = props;
  return (
    <Box mb={2}>
      <Typography variant="subtitle2">
        {app.url ? <Link to={app.url}>{app.name}</Link> : app.name} ·{' '}
        {app.syncStatus} · <HealthChip health={app.health} />
        {app.automated ? ' · automated sync' : ' · manual sync'}
      </Typography>
      {app.healthMessage && (
        <Typography variant="caption" display="block">
          {app.healthMessage}
        </Typography>
      )}
      {app.operation && (
        <Typography variant="caption" display="block">
          Last operation {app.operation.phase}
          {app.operation.finishedAt && `, ${age(app.operation.finishedAt)} ago`}
          {app.operation.message && `: ${app.operation.message}`}
        </Typography>
      )}
      <Typography variant="caption" display="block">
        Deploy timeline (newest first):
      </Typography>
      <Box component="ol" m={0} pl={3} aria-label={`Deploys of ${app.name}`}>
        {app.history.map((deploy, i) => (
          <li key={`${deploy.revision}-${i}`}>
            <Typography variant="caption">
              <code>{deploy.revision.slice(0, 8)}</code>
              {deploy.deployedAt &&
                ` ${new Date(deploy.deployedAt).toLocaleString()} (${age(
                  deploy.deployedAt,
                )} ago)`}
              {deploy.initiatedBy && ` by ${deploy.initiatedBy}`}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}

function Cluster(props: { cluster: ClusterStatus }) {
  const { cluster } = props;
  if (cluster.state !== 'ok') {
    return <SourceProblem source={cluster.cluster} result={cluster} />;
  }
  const { resources, podsNotReady, pods, notes } = cluster.data;
  return (
    <Box mb={2}>
      <Typography variant="subtitle2">
        {cluster.cluster}: {pods.ready}/{pods.total} pods ready, {pods.restarts}{' '}
        restarts
      </Typography>
      {resources.map(r => (
        <Typography
          key={`${r.kind}/${r.namespace}/${r.name}`}
          variant="caption"
          display="block"
        >
          {r.kind} {r.namespace}/{r.name}
          {r.replicas &&
            `: ${r.replicas.ready}/${r.replicas.desired} ready, ${r.replicas.updated} updated, ${r.replicas.available} available`}
          {r.scaling &&
            `: ${r.scaling.current} current, ${r.scaling.desired} desired (${
              r.scaling.min ?? 1
            }–${r.scaling.max})`}
          {r.health
            ? ` · ${r.health}`
            : ' · present (Argo CD does not rate this kind)'}
          {r.message && ` · ${r.message}`}
        </Typography>
      ))}
      {podsNotReady.map(p => (
        <Typography
          key={`${p.namespace}/${p.name}`}
          variant="caption"
          color="error"
          display="block"
        >
          Pod {p.name}: {p.reason}
          {p.restarts > 0 && ` (${p.restarts} restarts)`}
          {p.message && ` · ${p.message}`}
        </Typography>
      ))}
      {notes.map(note => (
        <Typography
          key={note}
          variant="caption"
          color="textSecondary"
          display="block"
        >
          {note}
        </Typography>
      ))}
    </Box>
  );
}

/** One environment in full: Argo CD applications with their deploy timeline, and each cluster. */
export function EnvironmentDetails(props: { status: EnvironmentDeployStatus }) {
  const { status } = props;
  const title = status.environment.title ?? status.environment.name;
  return (
    <InfoCard title={title} subheader={status.healthReasons.join(' · ')}>
      <Typography variant="h6">Argo CD</Typography>
      {status.argocd.state === 'ok' ? (
        status.argocd.data.applications.map(app => (
          <Application key={app.name} app={app} />
        ))
      ) : (
        <SourceProblem source="Argo CD" result={status.argocd} />
      )}
      <Typography variant="h6">Kubernetes</Typography>
      {status.kubernetes.state === 'ok' ? (
        status.kubernetes.data.clusters.map(cluster => (
          <Cluster key={cluster.cluster} cluster={cluster} />
        ))
      ) : (
        <SourceProblem source="Kubernetes" result={status.kubernetes} />
      )}
    </InfoCard>
  );
}
