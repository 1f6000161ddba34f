import { CompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { SloSummary, SloTimeframe } from '@internal/plugin-datadog-slo-common';
import { formatBurnRates } from '../sloFormat';
import { StateChip } from '../StateChip';
import { SloHistoryChart } from './SloHistoryChart';
import { SloThresholdsTable } from './SloThresholdsTable';

/** One SLO on the tab: its thresholds per timeframe and its burn-down over the chosen one. */
export function SloPanel(props: {
  entity: CompoundEntityRef;
  slo: SloSummary;
  timeframe: SloTimeframe;
}) {
  const { entity, slo, timeframe } = props;
  const subheader = [
    slo.environment && `env ${slo.environment}`,
    slo.type,
    formatBurnRates(slo.burnRates, ['1h', '6h', '1d', '3d']),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div data-testid={`slo-panel-${slo.id}`}>
      <InfoCard
        title={slo.name}
        subheader={subheader}
        action={
          <Box display="flex" alignItems="center" gridGap={12} pt={1}>
            <StateChip state={slo.state} />
            <Link to={slo.url} target="_blank" rel="noopener noreferrer">
              Open in Datadog
            </Link>
          </Box>
        }
      >
        <SloThresholdsTable slo={slo} selectedTimeframe={timeframe} />
        <Box mt={3}>
          <SloHistoryChart
            entity={entity}
            sloId={slo.id}
            timeframe={timeframe}
          />
        </Box>
      </InfoCard>
    </div>
  );
}
