import { PageBlueprint } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { Entity } from '@backstage/catalog-model';
import {
  readArgoCdApps,
  readKubernetesWorkloads,
} from '@internal/catalog-model-platform';
import CloudDoneIcon from '@material-ui/icons/CloudDone';

/**
 * Services that say where they run (Argo CD or Kubernetes annotations), like every integration's
 * views: an entity without them shows none (docs/catalog-model.md).
 */
function isDeployedService(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    entity.spec?.type === 'service' &&
    Boolean(readArgoCdApps(entity) || readKubernetesWorkloads(entity))
  );
}

export const deploymentsCard = EntityCardBlueprint.make({
  name: 'deployments',
  params: {
    filter: isDeployedService,
    loader: async () => {
      const { EntityDeploymentsCard } = await import(
        './components/EntityDeploymentsCard'
      );
      return <EntityDeploymentsCard />;
    },
  },
});

export const deploymentsContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: '/deployments',
    title: 'Deployments',
    group: 'deployment',
    filter: isDeployedService,
    loader: async () => {
      const { EntityDeploymentsContent } = await import(
        './components/EntityDeploymentsContent'
      );
      return <EntityDeploymentsContent />;
    },
  },
});

export const deploymentsPage = PageBlueprint.make({
  params: {
    path: '/deployments',
    title: 'Deployments',
    icon: <CloudDoneIcon />,
    loader: async () => {
      const { DeploymentsPage } = await import('./components/DeploymentsPage');
      return <DeploymentsPage />;
    },
  },
});
