import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  SLO_TIMEFRAMES,
  SloTimeframe,
} from '@internal/plugin-datadog-slo-common';

/** Picks the timeframe the burn-down charts cover. */
export function TimeframeToggle(props: {
  value: SloTimeframe;
  onChange: (timeframe: SloTimeframe) => void;
}) {
  const { value, onChange } = props;
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={value}
      aria-label="timeframe"
      // Clicking the selected button again yields null; the charts always need a timeframe.
      onChange={(_event, next: SloTimeframe | null) => next && onChange(next)}
    >
      {SLO_TIMEFRAMES.map(timeframe => (
        <ToggleButton key={timeframe} value={timeframe} aria-label={timeframe}>
          {timeframe}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
