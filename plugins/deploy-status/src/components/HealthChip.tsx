import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { Health } from '@internal/plugin-deploy-status-common';

/** One colour per health, as Argo CD's UI colours them. */
export function healthColor(theme: Theme, health: Health): string {
  switch (health) {
    case 'Healthy':
      return theme.palette.success.main;
    case 'Progressing':
      return theme.palette.info.main;
    case 'Suspended':
    case 'Missing':
      return theme.palette.warning.main;
    case 'Degraded':
      return theme.palette.error.main;
    default:
      return theme.palette.grey[500];
  }
}

const useStyles = makeStyles<Theme, { health: Health }>(theme => ({
  chip: ({ health }) => ({
    backgroundColor: healthColor(theme, health),
    color: theme.palette.getContrastText(healthColor(theme, health)),
    fontWeight: theme.typography.fontWeightBold as number,
    margin: 0,
  }),
}));

export function HealthChip(props: { health: Health; title?: string }) {
  const classes = useStyles({ health: props.health });
  return (
    <Chip
      size="small"
      label={props.health}
      title={props.title}
      className={classes.chip}
    />
  );
}
