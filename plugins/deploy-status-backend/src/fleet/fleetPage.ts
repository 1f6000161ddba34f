import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EnvironmentSummary,
  FleetHealth,
  FleetPage,
  FleetRefTitle,
  FleetRow,
  FleetUpstreamRequests,
  HEALTH_ORDER,
  NOT_DEPLOYED,
  worstHealth,
} from '@internal/plugin-deploy-status-common';
import { compareKeys, sortKeyOf } from './fleetOrder';
import { encodeCursor, ParsedFleetQuery } from './fleetQuery';

/** Every service's row at one moment, shared by the page requests of a few seconds. */
export interface FleetSnapshot {
  generatedAt: string;
  upstreamRequests: FleetUpstreamRequests;
  rows: FleetRow[];
}

function refOrUndefined(value: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'environment',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

function facetsOf(rows: FleetRow[]): FleetPage['facets'] {
  const owners = new Map<string, FleetRefTitle>();
  const systems = new Map<string, FleetRefTitle>();
  const environments = new Map<string, EnvironmentSummary>();
  for (const row of rows) {
    if (row.owner)
      owners.set(row.owner, { ref: row.owner, title: row.ownerTitle });
    if (row.system) {
      systems.set(row.system, { ref: row.system, title: row.systemTitle });
    }
    for (const env of row.environments) {
      environments.set(env.environment.ref, env.environment);
    }
  }
  const byTitle = (a: FleetRefTitle, b: FleetRefTitle) =>
    (a.title ?? a.ref).localeCompare(b.title ?? b.ref, 'en');
  return {
    owners: [...owners.values()].sort(byTitle),
    systems: [...systems.values()].sort(byTitle),
    environments: [...environments.values()].sort(
      (a, b) =>
        a.promotionOrder - b.promotionOrder || a.name.localeCompare(b.name),
    ),
  };
}

/** With an environment filter, a row keeps those environments only, and its health is theirs. */
function narrowed(row: FleetRow, environment: string[]): FleetRow | undefined {
  if (environment.length === 0) {
    return row;
  }
  const refs = new Set(environment.map(refOrUndefined));
  const names = new Set(environment);
  const environments = row.environments.filter(
    env => refs.has(env.environment.ref) || names.has(env.environment.name),
  );
  if (environments.length === 0) {
    return undefined;
  }
  return {
    ...row,
    environments,
    health: worstHealth(environments.map(env => env.health)),
  };
}

/**
 * One page of the fleet for a caller: the rows they may see (`visible`), filtered by owner,
 * system and environment, counted per health, filtered by health, worst first, from the cursor on.
 */
export function fleetPage(
  snapshot: FleetSnapshot,
  visible: ReadonlySet<string>,
  query: ParsedFleetQuery,
): FleetPage {
  const seen = snapshot.rows.filter(row => visible.has(row.entityRef));
  const owners = new Set(query.owner);
  const systems = new Set(query.system);
  const filtered = seen
    .filter(row => owners.size === 0 || (row.owner && owners.has(row.owner)))
    .filter(
      row => systems.size === 0 || (row.system && systems.has(row.system)),
    )
    .flatMap(row => narrowed(row, query.environment) ?? []);

  const counts = Object.fromEntries(
    [...HEALTH_ORDER, NOT_DEPLOYED].map(health => [health, 0]),
  ) as Record<FleetHealth, number>;
  for (const row of filtered) {
    counts[row.health] += 1;
  }

  const healths = new Set(query.health);
  const matching = filtered
    .filter(row => healths.size === 0 || healths.has(row.health))
    .map(row => ({ row, key: sortKeyOf(row) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const after = query.cursor;
  const rest = after
    ? matching.filter(({ key }) => compareKeys(key, after) > 0)
    : matching;
  const page = rest.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ row }) => row),
    totalItems: matching.length,
    ...(rest.length > page.length &&
      last && {
        nextCursor: encodeCursor(last.key),
      }),
    counts,
    facets: facetsOf(seen),
    generatedAt: snapshot.generatedAt,
    upstreamRequests: snapshot.upstreamRequests,
  };
}
