/**
 * Reachability of the portal's upstreams.
 *
 * @packageDocumentation
 */
export { upstreamStatusPlugin as default } from './plugin';
export type { UpstreamKind, UpstreamStatus } from './service/types';
