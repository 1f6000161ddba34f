import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { SloState } from '@internal/plugin-datadog-slo-common';
import { sloStateColor, sloStateLabels } from './sloStateStyle';

const useStyles = makeStyles<Theme, { state: SloState }>(theme => ({
  chip: ({ state }) => ({
    backgroundColor: sloStateColor(theme, state),
    color: theme.palette.getContrastText(sloStateColor(theme, state)),
    fontWeight: theme.typography.fontWeightBold as number,
    margin: 0,
  }),
}));

/** An SLO state as a coloured chip; with `count`, how many SLOs are in that state. */
export function StateChip(props: { state: SloState; count?: number }) {
  const { state, count } = props;
  const classes = useStyles({ state });
  const label =
    count === undefined
      ? sloStateLabels[state]
      : `${sloStateLabels[state]}: ${count}`;
  return <Chip size="small" label={label} className={classes.chip} />;
}
