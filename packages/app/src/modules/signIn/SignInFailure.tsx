import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import {
  configApiRef,
  discoveryApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { describeSignInFailure } from './describeSignInFailure';
import {
  fetchOrganisationImports,
  OrganisationImport,
} from './organisationImports';

interface SupportLink {
  url: string;
  title: string;
}

/** `app.support`'s links (its items' links, else its url), for "whom to ask". */
function useSupportLinks(): SupportLink[] {
  const support = useApi(configApiRef).getOptionalConfig('app.support');
  if (!support) return [];
  const links = (support.getOptionalConfigArray('items') ?? []).flatMap(item =>
    (item.getOptionalConfigArray('links') ?? []).map(link => ({
      url: link.getString('url'),
      title: link.getOptionalString('title') ?? item.getString('title'),
    })),
  );
  if (links.length) return links;
  const url = support.getOptionalString('url');
  return url ? [{ url, title: url }] : [];
}

function WhomToAsk({ fallback }: { fallback: string }) {
  const links = useSupportLinks();
  if (!links.length) return <>{fallback}</>;
  return (
    <>
      {links.map((link, i) => (
        <span key={link.url}>
          {i > 0 && ', '}
          <Link to={link.url}>{link.title}</Link>
        </span>
      ))}
    </>
  );
}

function every(minutes: number | undefined) {
  return minutes ? `every ${minutes} minutes` : 'on its schedule';
}

function NotInCatalog() {
  const discoveryApi = useApi(discoveryApiRef);
  const [imports, setImports] = useState<OrganisationImport[] | undefined>();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let current = true;
    fetchOrganisationImports(discoveryApi).then(found => {
      if (!current) return;
      setImports(found);
      setLoaded(true);
    });
    return () => {
      current = false;
    };
  }, [discoveryApi]);

  const source = imports?.[0];
  return (
    <>
      <Typography variant="h6" component="p">
        Your GitLab account has no User in the portal's catalog
      </Typography>
      <Typography variant="body1" paragraph>
        GitLab signed you in, but the portal lets in only the people its catalog
        knows, and it has no User for your GitLab account.
      </Typography>
      {source && <ImportedFrom source={source} />}
      {loaded && !source && (
        <Typography variant="body1" paragraph>
          The portal could not say where its people come from (no organisation
          import answered). Ask{' '}
          <WhomToAsk fallback="the team that runs the portal" /> to add a User
          for your GitLab account.
        </Typography>
      )}
    </>
  );
}

function ImportedFrom({ source }: { source: OrganisationImport }) {
  const group = (
    <Link to={source.groupUrl}>
      <strong>{source.group || source.host}</strong>
    </Link>
  );
  if (!source.membersOnly) {
    return (
      <Typography variant="body1" paragraph>
        The catalog's people are imported from {source.host}{' '}
        {every(source.everyMinutes)}: every active GitLab account. A new account
        appears after the next import; if yours is older, ask{' '}
        <WhomToAsk fallback="the team that runs the portal" /> why it is not
        imported.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body1" paragraph>
        The catalog's people and teams are imported from the GitLab group{' '}
        {group} on {source.host} {every(source.everyMinutes)}: its members
        become Users, its subgroups their teams.
      </Typography>
      <Typography variant="body1" paragraph>
        Ask to be added to the GitLab group {group} (its owners, or{' '}
        <WhomToAsk fallback="the team that runs the portal" />
        ). You can sign in after the next import
        {source.everyMinutes
          ? `, at most ${source.everyMinutes} minutes later`
          : ''}
        .
      </Typography>
    </>
  );
}

/**
 * The sign-in page's error panel: for the errors a person can do something about, what happened
 * and what to do; any other error as the auth backend worded it.
 */
export function SignInFailure({ error }: { error?: Error }) {
  if (!error) return null;
  const failure = describeSignInFailure(error);
  return (
    <Box mt={2} role="alert">
      {failure.kind === 'not-in-catalog' && <NotInCatalog />}
      {failure.kind === 'stale-sign-in' && (
        <Typography variant="body1" paragraph>
          The sign-in could not be finished: GitLab sent you back, but the
          portal could not match its answer to a sign-in it started (its sign-in
          cookie was missing or did not match). That happens when the sign-in
          was started in another tab or browser, took more than ten minutes, or
          the browser blocks the portal's cookies. Sign in again from this page.
        </Typography>
      )}
      {failure.kind === 'declined' && (
        <Typography variant="body1" paragraph>
          GitLab did not give the portal access to your account, so it cannot
          sign you in. Sign in again and choose Authorize on GitLab's page.
        </Typography>
      )}
      {failure.kind === 'other' && (
        <Typography variant="body1" color="error">
          {failure.message}
        </Typography>
      )}
    </Box>
  );
}
