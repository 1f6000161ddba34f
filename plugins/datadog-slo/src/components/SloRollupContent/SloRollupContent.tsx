import { Fragment } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { SloRollupResponse } from '@internal/plugin-datadog-slo-common';
import { datadogSloApiRef } from '../../api/DatadogSloApi';
import { RollupSummary } from './RollupSummary';
import { RollupTable } from './RollupTable';

const membersByMembership: Record<SloRollupResponse['membership'], string> = {
  partOf: 'the components of this system',
  ownedBy: 'the components this group owns',
};

function NotCovered(props: { entityRefs: string[] }) {
  if (props.entityRefs.length === 0) return null;
  return (
    <Typography variant="body2" color="textSecondary">
      Not covered (no SLO annotation):{' '}
      {props.entityRefs.map((ref, i) => (
        <Fragment key={ref}>
          {i > 0 && ', '}
          <EntityRefLink entityRef={ref} />
        </Fragment>
      ))}
    </Typography>
  );
}

/** SLO states rolled up over a System's components or over what a Group owns. */
export function SloRollupContent() {
  const { entity } = useEntity();
  const api = useApi(datadogSloApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getRollup(entityRef),
    [api, entityRef],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;

  const members = membersByMembership[value.membership];
  return (
    <InfoCard title="SLOs" subheader={`Across ${members}`}>
      {value.entries.length === 0 ? (
        <Typography variant="body2">
          None of {members} has an SLO annotation.
        </Typography>
      ) : (
        <>
          <RollupSummary rollup={value} />
          <Box mt={2}>
            <RollupTable entries={value.entries} />
          </Box>
        </>
      )}
      <Box mt={2}>
        <NotCovered entityRefs={value.withoutSlos} />
      </Box>
    </InfoCard>
  );
}
