import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';

/** "Updated 10:42:03" and a refresh button, for the card and the tab. */
export function RefreshAction(props: {
  generatedAt?: string;
  loading: boolean;
  onRefresh: () => void;
}) {
  const { generatedAt, loading, onRefresh } = props;
  return (
    <>
      {generatedAt && (
        <Typography variant="caption" color="textSecondary">
          Updated {new Date(generatedAt).toLocaleTimeString()}
        </Typography>
      )}
      <IconButton
        aria-label="Refresh deployments"
        title="Refresh"
        disabled={loading}
        onClick={onRefresh}
        size="small"
      >
        <RefreshIcon />
      </IconButton>
    </>
  );
}
