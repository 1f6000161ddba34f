import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { EntitySlosGate } from '../EntitySlosGate';
import { SloListItem } from './SloListItem';

/** The entity's SLOs, worst first (the backend sorts them), each with its error budget. */
export function EntitySloCard() {
  return (
    <InfoCard title="SLOs">
      <EntitySlosGate>
        {({ slos }) => (
          <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {slos.map(slo => (
              <SloListItem key={slo.id} slo={slo} />
            ))}
          </Box>
        )}
      </EntitySlosGate>
    </InfoCard>
  );
}
