import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { deployStatusApi } from './apis';
import {
  deploymentsCard,
  deploymentsContent,
  deploymentsPage,
} from './extensions';

/** Deployments card and tab on services, and the Deployments page across the catalog. */
export const deployStatusPlugin = createFrontendPlugin({
  pluginId: 'deploy-status',
  extensions: [
    deployStatusApi,
    deploymentsCard,
    deploymentsContent,
    deploymentsPage,
  ],
});
