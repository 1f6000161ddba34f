/**
 * What runs in each environment and whether it is healthy: Deployments card, tab and page.
 *
 * @packageDocumentation
 */

export { deployStatusPlugin as default } from './plugin';
export {
  deployStatusApiRef,
  type DeployStatusApi,
} from './api/DeployStatusApi';
