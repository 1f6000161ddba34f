import { createFrontendModule } from '@backstage/frontend-plugin-api';
import kubernetesPlugin from '@backstage/plugin-kubernetes/alpha';
import gitlabPlugin from '@immobiliarelabs/backstage-plugin-gitlab/alpha';
import argocdPlugin from '@roadiehq/backstage-plugin-argo-cd/alpha';
import { gatedByUpstream } from '@internal/plugin-upstream-status';

/*
 * The GitLab, Argo CD and Kubernetes views each fail in their own way when their upstream is
 * down: GitLab says "wrong project_slug or project_id", Argo CD shows an empty table, Kubernetes
 * an error per cluster. These modules wrap the views the portal shows in an UpstreamGate, which
 * says once that the upstream cannot be reached. Which entities show them is configured under
 * `app.extensions` in app-config.yaml (each only where its annotation is present).
 */

export const gitlabUpstreamGate = createFrontendModule({
  pluginId: 'gitlab',
  extensions: [
    gitlabPlugin
      .getExtension('entity-card:gitlab/pipelines-table')
      .override({ factory: gatedByUpstream('gitlab') }),
    gitlabPlugin
      .getExtension('entity-content:gitlab/gitlab')
      .override({ factory: gatedByUpstream('gitlab') }),
  ],
});

export const argocdUpstreamGate = createFrontendModule({
  pluginId: 'argocd',
  extensions: [
    argocdPlugin
      .getExtension('entity-card:argocd/overviewCard')
      .override({ factory: gatedByUpstream('argocd') }),
    argocdPlugin
      .getExtension('entity-content:argocd/ArgoCdPage')
      .override({ factory: gatedByUpstream('argocd') }),
  ],
});

export const kubernetesUpstreamGate = createFrontendModule({
  pluginId: 'kubernetes',
  extensions: [
    kubernetesPlugin
      .getExtension('entity-content:kubernetes/kubernetes')
      .override({ factory: gatedByUpstream('kubernetes') }),
  ],
});
