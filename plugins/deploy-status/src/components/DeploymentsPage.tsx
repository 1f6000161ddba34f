import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  deployedRevisionOf,
  EntityDeployStatus,
  EnvironmentDeployStatus,
  needsAttention,
} from '@internal/plugin-deploy-status-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { deployStatusApiRef } from '../api/DeployStatusApi';
import { refName } from './format';
import { HealthChip } from './HealthChip';
import { RefreshAction } from './RefreshAction';

/** Refs per request to the backend (it takes up to 100); pages load in parallel. */
const REFS_PER_REQUEST = 50;

interface Row {
  id: string;
  entity: Entity;
  owner: string;
  system: string;
  status?: EntityDeployStatus;
  error?: string;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

function EnvironmentCell(props: { env?: EnvironmentDeployStatus }) {
  const { env } = props;
  if (!env) {
    return <Typography variant="caption">–</Typography>;
  }
  const revision =
    env.argocd.state === 'ok'
      ? deployedRevisionOf(env.argocd.data.applications)
      : undefined;
  return (
    <Box title={env.healthReasons.join('\n')}>
      <HealthChip health={env.health} />
      {revision && (
        <Typography variant="caption" display="block">
          <code>{revision.slice(0, 8)}</code>
        </Typography>
      )}
      {env.healthReasons[0] && env.health !== 'Healthy' && (
        <Typography variant="caption" display="block">
          {env.healthReasons[0]}
        </Typography>
      )}
    </Box>
  );
}

/**
 * Every service × environment on one page, for the on-call engineer's first look: filter by owner
 * and system, or show only what needs attention.
 */
export function DeploymentsPage() {
  const catalogApi = useApi(catalogApiRef);
  const deployStatusApi = useApi(deployStatusApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const [owner, setOwner] = useState('');
  const [system, setSystem] = useState('');
  const [unhealthyOnly, setUnhealthyOnly] = useState(false);
  const [reload, setReload] = useState(0);

  const {
    value: rows,
    loading,
    error,
  } = useAsync(async (): Promise<Row[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'component', 'spec.type': 'service' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.owner',
        'spec.system',
      ],
    });
    const refs = items.map(e => stringifyEntityRef(e));
    const answers = await Promise.all(
      chunks(refs, REFS_PER_REQUEST).map(page =>
        deployStatusApi.getEntityStatuses(page),
      ),
    );
    const byRef = new Map(
      answers.flatMap(a => a.items).map(i => [i.entityRef, i]),
    );
    return items.map(entity => {
      const ref = stringifyEntityRef(entity);
      const item = byRef.get(ref);
      return {
        id: ref,
        entity,
        owner: String(entity.spec?.owner ?? ''),
        system: String(entity.spec?.system ?? ''),
        status: item && 'status' in item ? item.status : undefined,
        error: item && 'error' in item ? item.error : undefined,
      };
    });
  }, [catalogApi, deployStatusApi, reload]);

  const environments = useMemo(() => {
    const seen = new Map<string, EnvironmentDeployStatus['environment']>();
    for (const row of rows ?? []) {
      for (const env of row.status?.environments ?? []) {
        seen.set(env.environment.ref, env.environment);
      }
    }
    return [...seen.values()].sort(
      (a, b) => a.promotionOrder - b.promotionOrder,
    );
  }, [rows]);

  const visible = (rows ?? []).filter(
    row =>
      (!owner || row.owner === owner) &&
      (!system || row.system === system) &&
      (!unhealthyOnly ||
        row.error ||
        row.status?.environments.some(e => needsAttention(e.health))),
  );
  const owners = [...new Set((rows ?? []).map(r => r.owner))]
    .filter(Boolean)
    .sort();
  const systems = [...new Set((rows ?? []).map(r => r.system))]
    .filter(Boolean)
    .sort();

  const columns: TableColumn<Row>[] = [
    {
      title: 'Service',
      field: 'id',
      render: row => {
        const name = row.entity.metadata.title ?? row.entity.metadata.name;
        return entityRoute ? (
          <Link
            to={`${entityRoute(getCompoundEntityRef(row.entity))}/deployments`}
          >
            {name}
          </Link>
        ) : (
          name
        );
      },
    },
    { title: 'Owner', field: 'owner', render: row => refName(row.owner) },
    { title: 'System', field: 'system', render: row => refName(row.system) },
    ...environments.map(
      (environment): TableColumn<Row> => ({
        title: environment.title ?? environment.name,
        sorting: false,
        render: row =>
          row.error ? (
            <Typography variant="caption" color="error">
              {row.error}
            </Typography>
          ) : (
            <EnvironmentCell
              env={row.status?.environments.find(
                e => e.environment.ref === environment.ref,
              )}
            />
          ),
      }),
    ),
  ];

  return (
    <Page themeId="tool">
      <Header
        title="Deployments"
        subtitle="What runs in each environment, and whether it is healthy"
      />
      <Content>
        <Box display="flex" alignItems="center" mb={2} style={{ gap: 16 }}>
          <TextField
            select
            label="Owner"
            value={owner}
            onChange={e => setOwner(e.target.value)}
            style={{ minWidth: 200 }}
          >
            <MenuItem value="">All</MenuItem>
            {owners.map(o => (
              <MenuItem key={o} value={o}>
                {refName(o)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="System"
            value={system}
            onChange={e => setSystem(e.target.value)}
            style={{ minWidth: 200 }}
          >
            <MenuItem value="">All</MenuItem>
            {systems.map(s => (
              <MenuItem key={s} value={s}>
                {refName(s)}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={
              <Switch
                checked={unhealthyOnly}
                onChange={e => setUnhealthyOnly(e.target.checked)}
              />
            }
            label="Unhealthy only"
          />
          <RefreshAction
            loading={loading}
            onRefresh={() => setReload(n => n + 1)}
          />
        </Box>
        {error && <ResponseErrorPanel error={error} />}
        {loading && !rows && <Progress />}
        {rows && (
          <Table<Row>
            title={`${visible.length} of ${rows.length} services`}
            options={{ paging: false, search: true, padding: 'dense' }}
            columns={columns}
            data={visible}
          />
        )}
      </Content>
    </Page>
  );
}
