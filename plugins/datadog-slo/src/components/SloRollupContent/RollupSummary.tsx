import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  compareSloStates,
  SloRollupResponse,
  SloState,
} from '@internal/plugin-datadog-slo-common';
import { StateChip } from '../StateChip';

const STATES_WORST_FIRST = (
  ['ok', 'no_data', 'warning', 'breached'] as SloState[]
).sort(compareSloStates);

/** How many SLOs are in each state across the members, and the worst of them. */
export function RollupSummary(props: { rollup: SloRollupResponse }) {
  const { rollup } = props;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
      <Typography variant="subtitle2">Worst state:</Typography>
      {rollup.worstState ? (
        <StateChip state={rollup.worstState} />
      ) : (
        <Typography variant="body2">—</Typography>
      )}
      <Box ml={2} component="span" />
      <Typography variant="subtitle2">SLOs:</Typography>
      {STATES_WORST_FIRST.map(state => (
        <StateChip key={state} state={state} count={rollup.counts[state]} />
      ))}
    </Box>
  );
}
