import {
  FleetEnvironment,
  FleetHealth,
  FleetRow,
  Health,
} from '@internal/plugin-deploy-status-common';
import { fleetPage, FleetSnapshot } from './fleetPage';
import { parseFleetQuery } from './fleetQuery';

const environment = (name: string, order: number, health: Health) =>
  ({
    environment: {
      ref: `environment:default/${name}`,
      name,
      production: name === 'production',
      promotionOrder: order,
    },
    health,
    healthReasons: [],
    unknownSources: [],
    sourceErrors: [],
  } satisfies FleetEnvironment);

const row = (
  name: string,
  health: FleetHealth,
  environments: FleetEnvironment[] = [],
  title?: string,
): FleetRow => ({
  entityRef: `component:default/${name}`,
  ...(title && { title }),
  owner: 'group:default/team-a',
  health,
  environments,
});

const snapshot: FleetSnapshot = {
  generatedAt: '2026-01-05T09:00:00.000Z',
  upstreamRequests: { total: 0, argocd: 0, kubernetes: 0, alone: 0 },
  rows: [
    row('zeta', 'Healthy', [
      environment('staging', 2, 'Healthy'),
      environment('production', 3, 'Healthy'),
    ]),
    row('idle', 'not-deployed'),
    // Two services of one title: the ref breaks the tie, so no cursor skips either.
    row(
      'twin-b',
      'Degraded',
      [environment('production', 3, 'Degraded')],
      'Twin',
    ),
    row(
      'twin-a',
      'Degraded',
      [environment('production', 3, 'Degraded')],
      'Twin',
    ),
    row('alpha', 'Progressing', [
      environment('staging', 2, 'Progressing'),
      environment('production', 3, 'Healthy'),
    ]),
    row('lost', 'Unknown', [environment('staging', 2, 'Unknown')]),
  ],
};
const everyone = new Set(snapshot.rows.map(r => r.entityRef));
const names = (rows: FleetRow[]) => rows.map(r => r.entityRef.split('/')[1]);

describe('fleetPage', () => {
  it('orders worst first, then by title or name, then by ref; not deployed last', () => {
    const page = fleetPage(snapshot, everyone, parseFleetQuery({}));
    expect(names(page.items)).toEqual([
      'lost',
      'twin-a',
      'twin-b',
      'alpha',
      'zeta',
      'idle',
    ]);
  });

  it('pages with cursors through ties without skipping or repeating', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = fleetPage(
        snapshot,
        everyone,
        parseFleetQuery({ limit: '1', ...(cursor && { cursor }) }),
      );
      seen.push(...names(page.items));
      expect(page.totalItems).toBe(6);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['lost', 'twin-a', 'twin-b', 'alpha', 'zeta', 'idle']);
  });

  it('narrows rows to the environments asked for, by name or ref, their health theirs', () => {
    const page = fleetPage(
      snapshot,
      everyone,
      parseFleetQuery({ environment: 'environment:default/production' }),
    );
    expect(names(page.items)).toEqual(['twin-a', 'twin-b', 'alpha', 'zeta']);
    expect(page.items.find(r => r.entityRef.endsWith('alpha'))?.health).toBe(
      'Healthy',
    );
    const byName = fleetPage(
      snapshot,
      everyone,
      parseFleetQuery({ environment: ['staging'], health: 'Progressing' }),
    );
    expect(names(byName.items)).toEqual(['alpha']);
    expect(byName.counts).toEqual({
      Healthy: 1,
      Suspended: 0,
      Progressing: 1,
      Missing: 0,
      Degraded: 0,
      Unknown: 1,
      'not-deployed': 0,
    });
  });

  it('shows only the rows the caller may see, in the rows, counts and facets', () => {
    const page = fleetPage(
      snapshot,
      new Set(['component:default/zeta', 'component:default/idle']),
      parseFleetQuery({}),
    );
    expect(names(page.items)).toEqual(['zeta', 'idle']);
    expect(page.counts.Unknown).toBe(0);
    expect(page.facets.environments.map(e => e.name)).toEqual([
      'staging',
      'production',
    ]);
  });
});
