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
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  FleetEnvironment,
  FleetHealth,
  FleetRow,
  HEALTH_ORDER,
  needsAttention,
  NOT_DEPLOYED,
} from '@internal/plugin-deploy-status-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { deployStatusApiRef } from '../api/DeployStatusApi';
import { refName } from './format';
import { HealthChip } from './HealthChip';
import { RefreshAction } from './RefreshAction';

/** Services per page, from the backend. */
const PAGE_SIZE = 50;

/** What "Unhealthy only" keeps: a health that needs a look; a service not deployed is not one. */
const UNHEALTHY = HEALTH_ORDER.filter(needsAttention);

function EnvironmentCell(props: { env?: FleetEnvironment }) {
  const { env } = props;
  if (!env) {
    return <Typography variant="caption">–</Typography>;
  }
  return (
    <Box title={[...env.healthReasons, ...env.sourceErrors].join('\n')}>
      <HealthChip health={env.health} />
      {env.revision && (
        <Typography variant="caption" display="block">
          <code>{env.revision.slice(0, 8)}</code>
        </Typography>
      )}
      {env.healthReasons[0] && env.health !== 'Healthy' && (
        <Typography variant="caption" display="block">
          {env.healthReasons[0]}
        </Typography>
      )}
      {!env.healthReasons[0] && env.sourceErrors[0] && (
        <Typography variant="caption" display="block" color="error">
          {env.sourceErrors[0]}
        </Typography>
      )}
    </Box>
  );
}

/** An owner or system by its title; its ref when hovered. */
function RefCell(props: { entityRef?: string; title?: string }) {
  const { entityRef, title } = props;
  if (!entityRef) {
    return null;
  }
  return <span title={entityRef}>{title ?? refName(entityRef)}</span>;
}

/**
 * Every service × environment, for the on-call engineer's first look, computed by the backend a
 * page at a time, worst first: filter by owner and system, show only what needs attention, or
 * the services that are not deployed at all (shown apart: they are not unhealthy).
 */
export function DeploymentsPage() {
  const deployStatusApi = useApi(deployStatusApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const [owner, setOwner] = useState('');
  const [system, setSystem] = useState('');
  const [unhealthyOnly, setUnhealthyOnly] = useState(false);
  const [notDeployedOnly, setNotDeployedOnly] = useState(false);
  /** The cursors of the pages before this one: the first page has none. */
  const [cursors, setCursors] = useState<string[]>([]);
  const [reload, setReload] = useState(0);

  const health = useMemo(
    (): FleetHealth[] => [
      ...(unhealthyOnly ? UNHEALTHY : []),
      ...(notDeployedOnly ? [NOT_DEPLOYED] : []),
    ],
    [unhealthyOnly, notDeployedOnly],
  );
  const cursor = cursors[cursors.length - 1];
  const {
    value: page,
    loading,
    error,
  } = useAsync(
    () =>
      deployStatusApi.getFleet({
        owner: owner ? [owner] : undefined,
        system: system ? [system] : undefined,
        health,
        limit: PAGE_SIZE,
        cursor,
      }),
    [deployStatusApi, owner, system, health, cursor, reload],
  );
  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setCursors([]);
      set(value);
    };

  const columns: TableColumn<FleetRow>[] = [
    {
      title: 'Service',
      field: 'entityRef',
      sorting: false,
      render: row => {
        const ref = parseEntityRef(row.entityRef);
        const name = row.title ?? ref.name;
        return entityRoute ? (
          <Link to={`${entityRoute(ref)}/deployments`}>{name}</Link>
        ) : (
          name
        );
      },
    },
    {
      title: 'Owner',
      sorting: false,
      render: row => <RefCell entityRef={row.owner} title={row.ownerTitle} />,
    },
    {
      title: 'System',
      sorting: false,
      render: row => <RefCell entityRef={row.system} title={row.systemTitle} />,
    },
    ...(page?.facets.environments ?? []).map(
      (environment): TableColumn<FleetRow> => ({
        title: environment.title ?? environment.name,
        sorting: false,
        render: row =>
          row.health === NOT_DEPLOYED ? (
            <Typography variant="caption" color="textSecondary">
              Not deployed
            </Typography>
          ) : (
            <EnvironmentCell
              env={row.environments.find(
                e => e.environment.ref === environment.ref,
              )}
            />
          ),
      }),
    ),
  ];

  const matching = page
    ? Object.values(page.counts).reduce((sum, n) => sum + n, 0)
    : 0;
  const first = cursors.length * PAGE_SIZE;

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
            onChange={e => filtered(setOwner)(e.target.value)}
            style={{ minWidth: 200 }}
          >
            <MenuItem value="">All</MenuItem>
            {(page?.facets.owners ?? []).map(o => (
              <MenuItem key={o.ref} value={o.ref} title={o.ref}>
                {o.title ?? refName(o.ref)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="System"
            value={system}
            onChange={e => filtered(setSystem)(e.target.value)}
            style={{ minWidth: 200 }}
          >
            <MenuItem value="">All</MenuItem>
            {(page?.facets.systems ?? []).map(s => (
              <MenuItem key={s.ref} value={s.ref} title={s.ref}>
                {s.title ?? refName(s.ref)}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={
              <Switch
                checked={unhealthyOnly}
                onChange={e => filtered(setUnhealthyOnly)(e.target.checked)}
              />
            }
            label="Unhealthy only"
          />
          <Chip
            label={`Not deployed${
              page ? ` (${page.counts[NOT_DEPLOYED]})` : ''
            }`}
            clickable
            color={notDeployedOnly ? 'primary' : 'default'}
            variant={notDeployedOnly ? 'default' : 'outlined'}
            aria-pressed={notDeployedOnly}
            onClick={() => filtered(setNotDeployedOnly)(!notDeployedOnly)}
          />
          <RefreshAction
            generatedAt={page?.generatedAt}
            loading={loading}
            onRefresh={() => setReload(n => n + 1)}
          />
        </Box>
        {error && <ResponseErrorPanel error={error} />}
        {loading && !page && <Progress />}
        {page && (
          <>
            <Table<FleetRow>
              title={`${page.totalItems} of ${matching} services`}
              options={{ paging: false, search: false, padding: 'dense' }}
              columns={columns}
              data={page.items}
            />
            <Box
              display="flex"
              alignItems="center"
              justifyContent="flex-end"
              mt={1}
              style={{ gap: 8 }}
            >
              <Typography variant="caption">
                {page.totalItems === 0
                  ? 'None'
                  : `${first + 1}–${first + page.items.length} of ${
                      page.totalItems
                    }`}
              </Typography>
              <Button
                size="small"
                disabled={cursors.length === 0 || loading}
                onClick={() => setCursors(c => c.slice(0, -1))}
              >
                Previous
              </Button>
              <Button
                size="small"
                disabled={!page.nextCursor || loading}
                onClick={() => setCursors(c => [...c, page.nextCursor!])}
              >
                Next
              </Button>
            </Box>
          </>
        )}
      </Content>
    </Page>
  );
}
