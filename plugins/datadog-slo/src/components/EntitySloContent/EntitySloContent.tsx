import { useState } from 'react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { SloTimeframe } from '@internal/plugin-datadog-slo-common';
import { EntitySlosGate } from '../EntitySlosGate';
import { SloPanel } from './SloPanel';
import { TimeframeToggle } from './TimeframeToggle';

/** The SLO tab: every SLO of the entity with its thresholds and error budget burn-down. */
export function EntitySloContent() {
  const { entity } = useEntity();
  const [timeframe, setTimeframe] = useState<SloTimeframe>('30d');
  const entityRef = getCompoundEntityRef(entity);
  return (
    <EntitySlosGate>
      {({ slos }) => (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <Box display="flex" alignItems="center" gridGap={16}>
              <Typography variant="body2">Burn-down over</Typography>
              <TimeframeToggle value={timeframe} onChange={setTimeframe} />
            </Box>
          </Grid>
          {slos.map(slo => (
            <Grid item xs={12} key={slo.id}>
              <SloPanel entity={entityRef} slo={slo} timeframe={timeframe} />
            </Grid>
          ))}
        </Grid>
      )}
    </EntitySlosGate>
  );
}
