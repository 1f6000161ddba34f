import useAsync from 'react-use/esm/useAsync';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { SloTimeframe } from '@internal/plugin-datadog-slo-common';
import { datadogSloApiRef } from '../../api/DatadogSloApi';
import { SloProblemsPanel } from '../SloProblemsPanel';
import { formatTime } from '../sloFormat';
import { BudgetBurnDownChart } from './BudgetBurnDownChart';

/**
 * Loads one SLO's history on its own, so a failing SLO shows its error in its panel while the
 * other charts still render.
 */
export function SloHistoryChart(props: {
  entity: CompoundEntityRef;
  sloId: string;
  timeframe: SloTimeframe;
}) {
  const { entity, sloId, timeframe } = props;
  const api = useApi(datadogSloApiRef);
  const { kind, namespace, name } = entity;
  const { value, loading, error } = useAsync(
    () =>
      api.getSloHistory({
        entity: { kind, namespace, name },
        sloId,
        timeframe,
      }),
    [api, kind, namespace, name, sloId, timeframe],
  );

  if (loading) return <Progress />;
  if (error) {
    return (
      <ResponseErrorPanel
        title="The error budget burn-down could not be loaded"
        error={error}
      />
    );
  }
  if (!value) return null;
  // Points exist whenever Datadog answered; only SLI values say whether it had data.
  const hasData = value.points.some(point => point.sli !== null);
  const failed = value.points.length === 0 && value.problems.length > 0;
  return (
    <>
      {value.problems.length > 0 && (
        <Box mb={2}>
          <SloProblemsPanel
            problems={value.problems}
            title={
              failed
                ? 'The burn-down could not be read from Datadog'
                : 'The burn-down may be incomplete'
            }
          />
        </Box>
      )}
      {value.stale && (
        <Typography variant="body2" color="textSecondary">
          Datadog did not answer; this is the burn-down from{' '}
          {formatTime(value.fetchedAt)}.
        </Typography>
      )}
      {value.note && (
        <Typography variant="body2" color="textSecondary">
          {value.note}
        </Typography>
      )}
      {hasData && <BudgetBurnDownChart history={value} />}
      {!hasData && !failed && (
        <Typography variant="body2" color="textSecondary">
          Datadog has no data for this SLO over {timeframe}.
        </Typography>
      )}
    </>
  );
}
