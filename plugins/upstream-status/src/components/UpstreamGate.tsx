import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  UpstreamKind,
  UpstreamStatus,
  upstreamStatusApiRef,
} from '../api/types';

const upstreamTitles: Record<UpstreamKind, string> = {
  gitlab: 'GitLab',
  argocd: 'Argo CD',
  kubernetes: 'Kubernetes',
  datadog: 'Datadog',
};

function describe(statuses: UpstreamStatus[]) {
  return statuses
    .map(s => `${s.name} at ${s.origin}: ${s.error ?? 'no answer'}`)
    .join('; ');
}

/**
 * Renders its children only when at least one configured upstream of the given kind answers.
 * Otherwise it says once, plainly, that the upstream cannot be reached (or is not configured),
 * instead of letting the third-party card fail with a misleading message of its own.
 * If the status itself cannot be fetched, the children render as they would without the gate.
 */
export function UpstreamGate(props: {
  kind: UpstreamKind;
  children: ReactNode;
}) {
  const { kind, children } = props;
  const api = useApi(upstreamStatusApiRef);
  const { value, loading } = useAsync(() => api.listUpstreams(), [api]);
  const title = upstreamTitles[kind];

  if (loading) return <Progress />;
  if (!value) return <>{children}</>;

  const ofKind = value.filter(s => s.kind === kind);
  if (ofKind.length === 0) {
    return (
      <WarningPanel
        severity="info"
        defaultExpanded
        title={`${title} is not configured for this portal`}
        message={`Ask the platform team to configure ${title} in the portal's app-config.`}
      />
    );
  }
  if (ofKind.every(s => !s.reachable)) {
    return (
      <WarningPanel
        defaultExpanded
        title={`${title} is not reachable`}
        message={`The portal could not reach ${describe(
          ofKind,
        )}. This view loads once ${title} answers again.`}
      />
    );
  }
  return <>{children}</>;
}
