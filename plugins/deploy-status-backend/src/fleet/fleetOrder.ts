import {
  FleetHealth,
  FleetRow,
  HEALTH_ORDER,
} from '@internal/plugin-deploy-status-common';

/** Where a row stands in the fleet's order; a page's cursor is its last row's. */
export interface FleetCursor {
  rank: number;
  name: string;
  ref: string;
}

/**
 * Worst first, in Argo CD's order (Unknown, Degraded, Missing, Progressing, Suspended, Healthy),
 * then services that are not deployed.
 */
export function healthRank(health: FleetHealth): number {
  const index = (HEALTH_ORDER as readonly string[]).indexOf(health);
  return index === -1 ? HEALTH_ORDER.length : HEALTH_ORDER.length - 1 - index;
}

export function sortKeyOf(row: FleetRow): FleetCursor {
  return {
    rank: healthRank(row.health),
    name: row.title ?? row.entityRef.slice(row.entityRef.lastIndexOf('/') + 1),
    ref: row.entityRef,
  };
}

const names = new Intl.Collator('en');

/** Health rank, then title (or name), then ref: a total order, so cursors never skip or repeat. */
export function compareKeys(a: FleetCursor, b: FleetCursor): number {
  return (
    a.rank - b.rank ||
    names.compare(a.name, b.name) ||
    (a.ref < b.ref ? -1 : Number(a.ref > b.ref))
  );
}
