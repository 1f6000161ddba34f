import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { SloSummary } from '@internal/plugin-datadog-slo-common';
import { BudgetBar } from '../BudgetBar';
import { formatBurnRates, formatSli, formatTarget } from '../sloFormat';
import { StateChip } from '../StateChip';

/** The primary timeframe's status; the summary's own state is computed from it. */
function primaryStatus(slo: SloSummary) {
  return (
    slo.timeframes.find(t => t.timeframe === slo.primaryTimeframe) ??
    slo.timeframes[0]
  );
}

/** One SLO in the card: state, name, environment, SLI against target, budget and burn. */
export function SloListItem(props: { slo: SloSummary }) {
  const { slo } = props;
  const status = primaryStatus(slo);
  return (
    <Box component="li" py={1} data-testid={`slo-${slo.id}`}>
      <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
        <StateChip state={slo.state} />
        <Link
          to={slo.url}
          target="_blank"
          rel="noopener noreferrer"
          variant="subtitle2"
        >
          {slo.name}
        </Link>
        {slo.environment && (
          <Chip size="small" variant="outlined" label={slo.environment} />
        )}
      </Box>
      {status && (
        <Typography variant="body2" color="textSecondary">
          {formatSli(status.sli, status.target)} / {formatTarget(status.target)}{' '}
          ({status.timeframe}) · {formatBurnRates(slo.burnRates)}
        </Typography>
      )}
      {status && (
        <BudgetBar
          budget={status.errorBudgetRemaining}
          state={slo.state}
          label={slo.name}
        />
      )}
    </Box>
  );
}
