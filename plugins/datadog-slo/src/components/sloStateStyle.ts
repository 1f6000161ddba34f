import { Theme } from '@material-ui/core/styles';
import { SloState } from '@internal/plugin-datadog-slo-common';

export const sloStateLabels: Record<SloState, string> = {
  breached: 'Breached',
  warning: 'Warning',
  no_data: 'No data',
  ok: 'OK',
};

/** One colour per state, shared by chips, budget bars and charts so they read alike. */
export function sloStateColor(theme: Theme, state: SloState): string {
  switch (state) {
    case 'breached':
      return theme.palette.error.main;
    case 'warning':
      return theme.palette.warning.main;
    case 'no_data':
      return theme.palette.grey[500];
    default:
      return theme.palette.success.main;
  }
}
