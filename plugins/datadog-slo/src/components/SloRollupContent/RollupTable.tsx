import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { SloRollupEntry, SloState } from '@internal/plugin-datadog-slo-common';
import { BudgetBar } from '../BudgetBar';
import { describeProblem } from '../sloFormat';
import { sloStateLabels } from '../sloStateStyle';
import { StateChip } from '../StateChip';

function describeCounts(counts: Record<SloState, number>): string {
  const parts = (Object.keys(sloStateLabels) as SloState[])
    .filter(state => counts[state] > 0)
    .map(state => `${counts[state]} ${sloStateLabels[state].toLowerCase()}`);
  return parts.length > 0 ? parts.join(', ') : 'none found';
}

/** One row per member service, worst first as the backend sorted them. */
export function RollupTable(props: { entries: SloRollupEntry[] }) {
  const { entries } = props;
  return (
    <Table size="small" aria-label="SLOs per service">
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>Worst state</TableCell>
          <TableCell>SLOs</TableCell>
          <TableCell style={{ width: '30%' }}>
            Lowest budget remaining
          </TableCell>
          <TableCell>Problems</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(entry => (
          <TableRow key={entry.entityRef}>
            <TableCell>
              <EntityRefLink entityRef={entry.entityRef}>
                {entry.title}
              </EntityRefLink>
            </TableCell>
            <TableCell>
              {entry.worstState ? <StateChip state={entry.worstState} /> : '—'}
            </TableCell>
            <TableCell>{describeCounts(entry.counts)}</TableCell>
            <TableCell>
              {entry.lowestBudget === null ? (
                '—'
              ) : (
                <BudgetBar
                  budget={entry.lowestBudget}
                  state={entry.worstState ?? 'no_data'}
                  label={`${entry.title ?? entry.entityRef} lowest`}
                />
              )}
            </TableCell>
            <TableCell>
              {entry.problems.map((problem, i) => (
                <div key={i}>{describeProblem(problem)}</div>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
