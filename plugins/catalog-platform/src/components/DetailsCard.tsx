import { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';

/** A titled grid of label/value pairs; a missing value reads "not set". */
export function DetailsCard(props: {
  title: string;
  fields: Array<{ label: string; value?: ReactNode }>;
}) {
  return (
    <InfoCard title={props.title}>
      <Grid container spacing={2}>
        {props.fields.map(field => (
          <Grid item xs={12} sm={6} key={field.label}>
            <Typography variant="overline" component="div">
              {field.label}
            </Typography>
            <Typography variant="body2" component="div">
              {field.value ?? 'not set'}
            </Typography>
          </Grid>
        ))}
      </Grid>
    </InfoCard>
  );
}
