import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { SloSummary, SloTimeframe } from '@internal/plugin-datadog-slo-common';
import { formatBudget, formatSli, formatTarget } from '../sloFormat';
import { StateChip } from '../StateChip';

/** Target, warning and current status of each timeframe the SLO defines. */
export function SloThresholdsTable(props: {
  slo: SloSummary;
  selectedTimeframe: SloTimeframe;
}) {
  const { slo, selectedTimeframe } = props;
  return (
    <Table size="small" aria-label={`${slo.name} thresholds`}>
      <TableHead>
        <TableRow>
          <TableCell>Timeframe</TableCell>
          <TableCell>Target</TableCell>
          <TableCell>Warning</TableCell>
          <TableCell>SLI</TableCell>
          <TableCell>Budget remaining</TableCell>
          <TableCell>State</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {slo.timeframes.map(status => (
          <TableRow
            key={status.timeframe}
            selected={status.timeframe === selectedTimeframe}
          >
            <TableCell>
              {status.timeframe}
              {status.timeframe === slo.primaryTimeframe && ' (primary)'}
            </TableCell>
            <TableCell>{formatTarget(status.target)}</TableCell>
            <TableCell>{formatTarget(status.warning)}</TableCell>
            <TableCell title={status.error}>
              {formatSli(status.sli, status.target)}
            </TableCell>
            <TableCell>{formatBudget(status.errorBudgetRemaining)}</TableCell>
            <TableCell>
              <StateChip state={status.state} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
