import Typography from '@material-ui/core/Typography';
import { SourceResult } from '@internal/plugin-deploy-status-common';

/**
 * What a source that has no data says instead: "not configured" in grey, an error in the error
 * colour, with the backend's message (it names the annotation, config entry or upstream).
 */
export function SourceProblem(props: {
  source: string;
  result: Exclude<SourceResult<unknown>, { state: 'ok' }>;
}) {
  const { source, result } = props;
  return (
    <Typography
      variant="caption"
      color={result.state === 'error' ? 'error' : 'textSecondary'}
      title={result.message}
    >
      {result.state === 'error'
        ? `${source} unavailable: ${result.message}`
        : `${source} not configured: ${result.message}`}
    </Typography>
  );
}
