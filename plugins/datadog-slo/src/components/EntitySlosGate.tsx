import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  ANNOTATION_DATADOG_SLO_IDS,
  ANNOTATION_DATADOG_SLO_QUERY,
  readDatadogSlos,
} from '@internal/catalog-model-platform';
import { EntitySlosResponse } from '@internal/plugin-datadog-slo-common';
import { datadogSloApiRef } from '../api/DatadogSloApi';
import { formatTime } from './sloFormat';
import { SloProblemsPanel } from './SloProblemsPanel';

type SloSelection = { query?: string; ids: string[] };

type RenderSlos = (response: EntitySlosResponse) => ReactNode;

function describeEmptySelection(selection: SloSelection): string {
  const ids = selection.ids.join(', ');
  if (selection.query && ids) {
    return `No SLO matches ${selection.query} or has one of the ids ${ids}`;
  }
  if (selection.query) return `No SLO matches ${selection.query}`;
  return `No SLO has one of the ids ${ids}`;
}

function NotConfigured(props: { response: EntitySlosResponse }) {
  const problem = props.response.problems.find(
    p => p.kind === 'not-configured',
  );
  return (
    <Alert severity="info">
      <AlertTitle>Datadog is not configured</AlertTitle>
      {problem?.message ??
        'The portal has no Datadog API and application keys; ask the platform team to set them.'}
    </Alert>
  );
}

function LoadedSlos(props: {
  response: EntitySlosResponse;
  selection: SloSelection;
  children: RenderSlos;
}) {
  const { response, selection, children } = props;
  if (!response.configured) return <NotConfigured response={response} />;

  const nothingToShow =
    response.slos.length === 0 && response.problems.length === 0;
  return (
    <>
      {response.stale && (
        <Box mb={2}>
          <Alert severity="info">
            Datadog did not answer; showing the answer from{' '}
            {formatTime(response.fetchedAt)}.
          </Alert>
        </Box>
      )}
      {response.problems.length > 0 && (
        <Box mb={2}>
          <SloProblemsPanel problems={response.problems} />
        </Box>
      )}
      {nothingToShow && (
        <Typography variant="body2" color="textSecondary">
          {describeEmptySelection(selection)}
        </Typography>
      )}
      {response.slos.length > 0 && children(response)}
    </>
  );
}

function EntitySlosLoader(props: {
  entity: Entity;
  selection: SloSelection;
  children: RenderSlos;
}) {
  const { entity, selection, children } = props;
  const api = useApi(datadogSloApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEntitySlos(getCompoundEntityRef(entity)),
    [api, entity],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return (
    <LoadedSlos response={value} selection={selection}>
      {children}
    </LoadedSlos>
  );
}

/**
 * Loads the current entity's SLOs and handles every state but the happy one: no annotation
 * (without asking the backend), loading, failure, no Datadog keys, problems, a stale answer and
 * an empty selection. `children` renders the SLOs and is called only when there are some.
 */
export function EntitySlosGate(props: { children: RenderSlos }) {
  const { entity } = useEntity();
  const selection = readDatadogSlos(entity);
  if (!selection) {
    return (
      <MissingAnnotationEmptyState
        annotation={[ANNOTATION_DATADOG_SLO_QUERY, ANNOTATION_DATADOG_SLO_IDS]}
      />
    );
  }
  return (
    <EntitySlosLoader entity={entity} selection={selection}>
      {props.children}
    </EntitySlosLoader>
  );
}
