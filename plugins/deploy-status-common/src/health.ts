/**
 * Argo CD's health statuses, best first, in the order Argo CD itself ranks them when it rolls
 * resources up to an application (gitops-engine's `healthOrder`): the worst status wins.
 */
export const HEALTH_ORDER = [
  'Healthy',
  'Suspended',
  'Progressing',
  'Missing',
  'Degraded',
  'Unknown',
] as const;

export type Health = (typeof HEALTH_ORDER)[number];

export function isHealth(value: unknown): value is Health {
  return (HEALTH_ORDER as readonly unknown[]).includes(value);
}

/** The worst of some health statuses by Argo CD's order; `Missing` when there are none. */
export function worstHealth(statuses: Iterable<Health>): Health {
  let worst: Health | undefined;
  for (const status of statuses) {
    if (!worst || HEALTH_ORDER.indexOf(status) > HEALTH_ORDER.indexOf(worst)) {
      worst = status;
    }
  }
  return worst ?? 'Missing';
}

/** Whether an on-call engineer should look: anything but Healthy and Suspended. */
export function needsAttention(health: Health): boolean {
  return health !== 'Healthy' && health !== 'Suspended';
}
