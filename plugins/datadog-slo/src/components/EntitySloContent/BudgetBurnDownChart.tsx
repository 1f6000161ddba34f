import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from '@material-ui/core/styles';
import { SloHistoryResponse } from '@internal/plugin-datadog-slo-common';
import { formatBudget, formatDay, formatTime } from '../sloFormat';

const HEIGHT = 280;

const TICK_STEPS = [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2500, 5000];

/**
 * Y axis ticks on round numbers. The range always holds 0 (budget exhausted) and 100, so the
 * target line shows even for a healthy SLO, and extends below 0 for a breached one.
 */
export function budgetTicks(history: SloHistoryResponse): number[] {
  const values = history.points
    .map(p => p.errorBudgetRemaining)
    .filter((v): v is number => v !== null);
  const low = Math.min(0, history.warningBudget ?? 0, ...values);
  const high = Math.max(100, ...values);
  const step =
    TICK_STEPS.find(s => (high - low) / s <= 8) ??
    TICK_STEPS[TICK_STEPS.length - 1];
  const ticks: number[] = [];
  for (
    let tick = Math.floor(low / step) * step;
    tick < high + step;
    tick += step
  ) {
    ticks.push(tick);
  }
  return ticks;
}

/** "Error budget over 30d: from 100 % to 41.2 % left (target 99.9 %)". */
function describeBurnDown(history: SloHistoryResponse): string {
  const known = history.points.filter(p => p.errorBudgetRemaining !== null);
  const first = known[0]?.errorBudgetRemaining ?? null;
  const last = known[known.length - 1]?.errorBudgetRemaining ?? null;
  return `Error budget over ${history.timeframe}: from ${formatBudget(
    first,
  )} to ${formatBudget(last)} left (target ${history.target} %)`;
}

/** Error budget remaining over the timeframe, with the target and warning thresholds drawn in. */
export function BudgetBurnDownChart(props: { history: SloHistoryResponse }) {
  const { history } = props;
  const theme = useTheme();
  const ticks = budgetTicks(history);
  return (
    // The chart is drawn in SVG; screen readers get its gist as one sentence.
    <div role="img" aria-label={describeBurnDown(history)}>
      <ResponsiveContainer
        width="100%"
        height={HEIGHT}
        // Used until the container is measured, and where it cannot be (tests in jsdom).
        initialDimension={{ width: 640, height: HEIGHT }}
      >
        <LineChart
          data={history.points}
          margin={{ top: 16, right: 24, bottom: 8, left: 16 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={[history.fromTime, history.toTime]}
            tickFormatter={formatDay}
          />
          <YAxis
            domain={[ticks[0], ticks[ticks.length - 1]]}
            ticks={ticks}
            label={{
              value: '% of error budget remaining',
              angle: -90,
              position: 'insideLeft',
              style: { textAnchor: 'middle' },
            }}
          />
          <Tooltip
            labelFormatter={label => formatTime(Number(label))}
            formatter={value => [
              formatBudget(typeof value === 'number' ? value : null),
              'Error budget remaining',
            ]}
          />
          <ReferenceLine
            y={0}
            stroke={theme.palette.error.main}
            label={{
              value: 'budget exhausted (target)',
              position: 'insideBottomRight',
            }}
          />
          {history.warningBudget !== undefined && (
            <ReferenceLine
              y={history.warningBudget}
              stroke={theme.palette.warning.main}
              strokeDasharray="6 3"
              // Left, so it never overlaps the target's label when both lines are close.
              label={{ value: 'warning', position: 'insideTopLeft' }}
            />
          )}
          <Line
            type="monotone"
            dataKey="errorBudgetRemaining"
            name="Error budget remaining"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
