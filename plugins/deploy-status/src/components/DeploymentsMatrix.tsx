import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EntityDeployStatus } from '@internal/plugin-deploy-status-common';
import {
  HealthCell,
  LagCell,
  PipelineCell,
  PodsCell,
  SyncCell,
  VersionCell,
} from './EnvironmentCells';

/** Environments × (health, version, sync, pipeline, pods, promotion lag). */
export function DeploymentsMatrix(props: {
  status: EntityDeployStatus;
  kubernetesLink?: string;
}) {
  const { status, kubernetesLink } = props;
  if (status.environments.length === 0) {
    return (
      <Typography>
        No environment in the catalog: add Environment entities
        (docs/catalog-model.md).
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Deployments per environment">
      <TableHead>
        <TableRow>
          <TableCell>Environment</TableCell>
          <TableCell>Health</TableCell>
          <TableCell>Version</TableCell>
          <TableCell>Sync</TableCell>
          <TableCell>Pipeline</TableCell>
          <TableCell>Pods</TableCell>
          <TableCell>Promotion</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {status.environments.map(env => (
          <TableRow key={env.environment.ref}>
            <TableCell>
              <Typography variant="body2">
                <strong>{env.environment.title ?? env.environment.name}</strong>
              </Typography>
              {env.environment.production && (
                <Typography variant="caption">production</Typography>
              )}
            </TableCell>
            <TableCell>
              <HealthCell status={env} />
            </TableCell>
            <TableCell>
              <VersionCell status={env} />
            </TableCell>
            <TableCell>
              <SyncCell status={env} />
            </TableCell>
            <TableCell>
              <PipelineCell status={env} />
            </TableCell>
            <TableCell>
              <PodsCell status={env} kubernetesLink={kubernetesLink} />
            </TableCell>
            <TableCell>
              <LagCell status={env} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
