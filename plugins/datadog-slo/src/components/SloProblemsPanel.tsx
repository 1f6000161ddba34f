import { WarningPanel } from '@backstage/core-components';
import { SloProblem } from '@internal/plugin-datadog-slo-common';
import { describeProblem } from './sloFormat';

/** What could not be read, one line per problem; renders nothing when all went well. */
export function SloProblemsPanel(props: {
  problems: SloProblem[];
  title?: string;
}) {
  const { problems, title } = props;
  if (problems.length === 0) return null;
  return (
    <WarningPanel
      defaultExpanded
      title={
        title ??
        (problems.length === 1
          ? 'Part of the SLO data could not be read'
          : `${problems.length} problems reading SLO data`)
      }
    >
      <ul style={{ margin: 0, paddingLeft: '1.5em' }}>
        {problems.map((problem, i) => (
          <li key={`${problem.kind}-${problem.sloId ?? ''}-${i}`}>
            {describeProblem(problem)}
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}
