import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { SloState } from '@internal/plugin-datadog-slo-common';
import { formatBudget } from './sloFormat';
import { sloStateColor } from './sloStateStyle';

const useStyles = makeStyles<Theme, { state: SloState }>(theme => ({
  bar: {
    flexGrow: 1,
    height: 8,
    borderRadius: 4,
    backgroundColor: theme.palette.action.hover,
  },
  fill: ({ state }) => ({ backgroundColor: sloStateColor(theme, state) }),
  text: { minWidth: '9em', textAlign: 'right' },
}));

/**
 * Error budget remaining as a bar (clamped to 0..100) beside its exact value, which may be
 * negative once the budget is spent.
 */
export function BudgetBar(props: {
  budget: number | null;
  state: SloState;
  /** What the budget belongs to, for screen readers: "<label> error budget". */
  label: string;
}) {
  const { budget, state, label } = props;
  const classes = useStyles({ state });
  if (budget === null) {
    // No bar: an empty bar would read as an exhausted budget.
    return (
      <Typography variant="body2" color="textSecondary">
        Error budget unknown (no data)
      </Typography>
    );
  }
  const clamped = Math.min(100, Math.max(0, budget));
  return (
    <Box display="flex" alignItems="center" gridGap={8}>
      <LinearProgress
        variant="determinate"
        value={clamped}
        aria-label={`${label} error budget`}
        aria-valuetext={`${formatBudget(budget)} left`}
        classes={{ root: classes.bar, bar: classes.fill }}
      />
      <Typography variant="body2" className={classes.text}>
        {formatBudget(budget)} budget left
      </Typography>
    </Box>
  );
}
