/**
 * Says once, plainly, when an integration's upstream cannot be reached.
 *
 * @packageDocumentation
 */
export { upstreamStatusPlugin as default } from './plugin';
export { gatedByUpstream } from './gatedByUpstream';
export { UpstreamGate } from './components/UpstreamGate';
export {
  upstreamStatusApiRef,
  type UpstreamKind,
  type UpstreamStatus,
  type UpstreamStatusApi,
} from './api/types';
