import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { UpstreamService } from '@internal/upstream-node';
import { DeployStatusConfig } from '../config/readDeployStatusConfig';
import {
  argocdSelection,
  kubernetesSelection,
} from '../service/annotationSelectors';
import { EntityEnvironments } from '../service/entityEnvironments';
import { readFleetArgoCd } from './fleetArgoCd';
import { readFleetKubernetes } from './fleetKubernetes';
import { compareKeys, sortKeyOf } from './fleetOrder';
import { FleetPair } from './FleetPair';
import { FleetSnapshot } from './fleetPage';
import { FleetRequestCounter } from './FleetRequestCounter';
import {
  fleetEnvironment,
  fleetRow,
  isDeployed,
  ownerAndSystemOf,
} from './fleetRows';

/** What of a service the fleet reads: its name, title, annotations, owner, system and pipelines. */
const SERVICE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.type',
  'spec.owner',
  'spec.system',
  'relations',
];

export interface FleetSources {
  config: DeployStatusConfig;
  upstream: UpstreamService;
  catalog: CatalogService;
  auth: AuthService;
  environments: EntityEnvironments;
}

/** The titles of owners and systems, in one catalog request (a group's display name otherwise). */
async function titlesOf(
  sources: FleetSources,
  refs: string[],
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  if (refs.length === 0) {
    return titles;
  }
  const { items } = await sources.catalog.getEntitiesByRefs(
    {
      entityRefs: refs,
      fields: ['metadata.title', 'spec.profile.displayName'],
    },
    { credentials: await sources.auth.getOwnServiceCredentials() },
  );
  items.forEach((entity, i) => {
    const profile = entity?.spec?.profile as { displayName?: unknown };
    const title = entity?.metadata?.title ?? profile?.displayName;
    if (typeof title === 'string' && title) {
      titles.set(refs[i], title);
    }
  });
  return titles;
}

/**
 * Every service of the catalog (Components of `spec.type: service`, read with the plugin's own
 * credentials: page requests keep only what their caller may see) with a row per environment,
 * from one list per Argo CD instance × project and one paged list per cluster × kind, whatever
 * the number of services. No GitLab: pipelines are the per-service view's.
 */
export async function buildFleetSnapshot(
  sources: FleetSources,
): Promise<FleetSnapshot> {
  const { catalog, auth, upstream, config } = sources;
  const { items: services } = await catalog.getEntities(
    {
      filter: { kind: 'Component', 'spec.type': 'service' },
      fields: SERVICE_FIELDS,
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  const deployed = services.filter(isDeployed);
  const [environmentsOf, titles] = await Promise.all([
    sources.environments.ofEach(deployed),
    titlesOf(sources, [
      ...new Set(
        services.flatMap(service => {
          const { owner, system } = ownerAndSystemOf(service);
          return [owner, system].filter((ref): ref is string => !!ref);
        }),
      ),
    ]),
  ]);

  const pairs: FleetPair[] = deployed.flatMap((entity, i) => {
    const selections = {
      argocd: argocdSelection(entity),
      kubernetes: kubernetesSelection(entity),
    };
    return environmentsOf[i].map(env => ({ entity, env, ...selections }));
  });
  const counter = new FleetRequestCounter();
  const [argocd, kubernetes] = await Promise.all([
    readFleetArgoCd({
      upstream,
      counter,
      ttlSeconds: config.cacheTtlSeconds.argocd,
      pairs,
    }),
    readFleetKubernetes({
      upstream,
      counter,
      ttlSeconds: config.cacheTtlSeconds.kubernetes,
      pairs,
    }),
  ]);

  let next = 0;
  const environmentsByService = new Map(
    deployed.map((entity, i) => [
      entity,
      environmentsOf[i].map(env => {
        const at = next++;
        return fleetEnvironment(env, argocd[at], kubernetes[at]);
      }),
    ]),
  );
  const rows = services
    .map(service =>
      fleetRow(service, environmentsByService.get(service), titles),
    )
    .map(row => ({ row, key: sortKeyOf(row) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ row }) => row);
  return {
    generatedAt: new Date().toISOString(),
    upstreamRequests: counter.summary(),
    rows,
  };
}
