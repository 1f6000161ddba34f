import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { EntityDeployStatus } from '@internal/plugin-deploy-status-common';
import { SourceProblem } from './SourceProblem';

/** The default branch head and its pipeline: what will be deployed next. */
export function HeadLine(props: { status: EntityDeployStatus }) {
  const { gitlab } = props.status;
  if (gitlab.state !== 'ok') {
    return <SourceProblem source="GitLab" result={gitlab} />;
  }
  const { defaultBranch, headCommit, headPipeline, webUrl, path } = gitlab.data;
  return (
    <Typography variant="body2">
      <Link to={webUrl}>{path}</Link> {defaultBranch}
      {headCommit && (
        <>
          {' '}
          at <code>{headCommit.shortSha}</code> {headCommit.title}
        </>
      )}
      {headPipeline && (
        <>
          {' · pipeline '}
          <Link to={headPipeline.webUrl}>
            #{headPipeline.id} {headPipeline.status}
          </Link>
        </>
      )}
    </Typography>
  );
}
