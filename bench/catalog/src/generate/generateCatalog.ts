import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { SeededRandom } from './seededRandom';
import { ENVIRONMENT_TIERS, companyShapeFor } from './companyShape';
import {
  CatalogFlavour,
  apiEntity,
  componentEntity,
  domainEntity,
  environmentEntity,
  groupEntity,
  pipelineEntity,
  resourceEntity,
  systemEntity,
  userEntity,
} from './entityBuilders';

/** One catalog file: a repository's or a team's `catalog-info.yaml`. */
export interface GeneratedFile {
  /** Relative path, `/`-separated. */
  path: string;
  entities: Entity[];
}

export interface GeneratedCatalog {
  files: GeneratedFile[];
  /** Entity refs by kind (lower-case kind), in generation order. */
  refsByKind: Map<string, string[]>;
  /** Refs of the `service` components, for entity-page lookups. */
  serviceRefs: string[];
}

const DOMAIN_WORDS = [
  'commerce',
  'payments',
  'logistics',
  'identity',
  'media',
  'search',
  'analytics',
  'marketing',
  'support',
  'finance',
  'people',
  'platform',
  'data',
  'mobile',
  'partners',
  'pricing',
  'risk',
  'inventory',
  'content',
  'messaging',
];
const SYSTEM_WORDS = [
  'checkout',
  'ledger',
  'tracking',
  'accounts',
  'catalogue',
  'billing',
  'reports',
  'campaigns',
  'tickets',
  'invoicing',
  'profiles',
  'gateway',
  'ingest',
  'alerts',
];
const COMPONENT_WORDS = [
  'api',
  'service',
  'worker',
  'gateway',
  'web',
  'admin',
  'sync',
  'importer',
  'exporter',
  'scheduler',
  'notifier',
  'indexer',
  'processor',
  'router',
];
const TAGS = [
  'typescript',
  'go',
  'java',
  'python',
  'kotlin',
  'grpc',
  'graphql',
  'pci',
  'gdpr',
  'tier-1',
];
const LIFECYCLES = [
  'production',
  'production',
  'production',
  'experimental',
  'deprecated',
];
const REGIONS = [
  'eu-1',
  'eu-2',
  'us-1',
  'us-2',
  'ap-1',
  'ap-2',
  'sa-1',
  'me-1',
  'af-1',
  'ca-1',
];

/** Services 70 %, websites 15 %, libraries 15 %. */
function componentTypeFor(roll: number): 'service' | 'website' | 'library' {
  if (roll < 0.7) return 'service';
  if (roll < 0.85) return 'website';
  return 'library';
}

/** `word`, then `word-2`, `word-3`… for the later repeats: names stay readable and unique. */
function numbered(word: string, index: number, period: number) {
  const round = Math.floor(index / period);
  return round === 0 ? word : `${word}-${round + 1}`;
}

/**
 * Writes a believable company of exactly `count` entities: domains, departments and teams with
 * their people, systems, environments per region with their clusters, and then repositories until
 * the count is reached. A repository holds a component (service, website or library) with its API,
 * databases, caches, queues and buckets and its CI pipeline, and consumes APIs of and depends on
 * earlier repositories. Every reference points at an entity generated before it, so the catalog
 * has no dangling relation even when the last repository is cut short by the count.
 */
export function generateCatalog(options: {
  count: number;
  flavour: CatalogFlavour;
  seed?: number;
}): GeneratedCatalog {
  const { count, flavour } = options;
  const random = new SeededRandom(options.seed ?? 1);
  const shape = companyShapeFor(count);
  const files = new Map<string, Entity[]>();
  const refsByKind = new Map<string, string[]>();
  const serviceRefs: string[] = [];
  let emitted = 0;

  const add = (path: string, entity: Entity) => {
    if (emitted >= count) return false;
    emitted += 1;
    const ref = stringifyEntityRef(entity);
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const refs = refsByKind.get(kind) ?? [];
    refs.push(ref);
    refsByKind.set(kind, refs);
    const fileEntities = files.get(path) ?? [];
    fileEntities.push(entity);
    files.set(path, fileEntities);
    return true;
  };

  // Organisation: a department per domain, teams spread over them, people in teams.
  const domains = Array.from({ length: shape.domains }, (_, i) =>
    numbered(DOMAIN_WORDS[i % DOMAIN_WORDS.length], i, DOMAIN_WORDS.length),
  );
  const teams = Array.from({ length: shape.teams }, (_, i) => ({
    name: `${domains[i % domains.length]}-team-${
      Math.floor(i / domains.length) + 1
    }`,
    department: `${domains[i % domains.length]}-department`,
  }));
  for (const domain of domains) {
    add(
      `org/${domain}.yaml`,
      groupEntity({ name: `${domain}-department`, type: 'department' }),
    );
  }
  for (const team of teams) {
    const domain = team.department.replace(/-department$/, '');
    const members = Array.from(
      { length: shape.usersPerTeam },
      (_, i) => `${team.name}-member-${i + 1}`,
    );
    add(
      `org/${domain}.yaml`,
      groupEntity({
        name: team.name,
        type: 'team',
        parent: team.department,
        members,
      }),
    );
    for (const member of members) {
      add(`org/${domain}.yaml`, userEntity(member, team.name));
    }
  }
  for (const domain of domains) {
    add(`domains/${domain}.yaml`, domainEntity(domain, `${domain}-department`));
    add(
      `domains/${domain}.yaml`,
      resourceEntity({
        name: `${domain}-dns-zone`,
        type: 'dns-zone',
        owner: `${domain}-department`,
      }),
    );
  }

  // Environments: development → staging → production per region, each on its own cluster.
  const platformTeam = teams[0].name;
  const regions = Array.from({ length: shape.regions }, (_, i) =>
    numbered(REGIONS[i % REGIONS.length], i, REGIONS.length),
  );
  for (const region of regions) {
    ENVIRONMENT_TIERS.forEach((tier, order) => {
      const name = `${tier.name}-${region}`;
      const next = ENVIRONMENT_TIERS[order + 1];
      const cluster = `k8s-${name}`;
      const path = `environments/${region}.yaml`;
      add(
        path,
        resourceEntity({
          name: cluster,
          type: 'kubernetes-cluster',
          owner: platformTeam,
        }),
      );
      add(
        path,
        environmentEntity(flavour, {
          name,
          tier: tier.name,
          production: tier.production,
          promotionOrder: order + 1,
          promotesTo: next && `${next.name}-${region}`,
          cluster,
          owner: platformTeam,
          region,
        }),
      );
    });
  }

  // Systems, each owned by a team and with its Terraform workspace.
  const systems = Array.from({ length: shape.systems }, (_, i) => {
    const domain = domains[i % domains.length];
    const word =
      SYSTEM_WORDS[Math.floor(i / domains.length) % SYSTEM_WORDS.length];
    const round = Math.floor(i / (domains.length * SYSTEM_WORDS.length));
    return {
      name:
        round === 0 ? `${domain}-${word}` : `${domain}-${word}-${round + 1}`,
      domain,
      owner: teams[i % teams.length].name,
      region: regions[i % regions.length],
      repositories: 0,
    };
  });
  for (const system of systems) {
    const path = `systems/${system.name}/catalog-info.yaml`;
    add(path, systemEntity(system.name, system.domain, system.owner));
    add(
      path,
      resourceEntity({
        name: `${system.name}-terraform`,
        type: 'terraform-workspace',
        owner: system.owner,
        system: system.name,
      }),
    );
  }

  // Repositories until the count is reached.
  const apis: string[] = [];
  const components: string[] = [];
  for (let repository = 0; emitted < count; repository += 1) {
    const system = systems[repository % systems.length];
    const path = `systems/${system.name}/catalog-info.yaml`;
    const word = COMPONENT_WORDS[system.repositories % COMPONENT_WORDS.length];
    const name = numbered(
      `${system.name}-${word}`,
      system.repositories,
      COMPONENT_WORDS.length,
    );
    system.repositories += 1;
    const type = componentTypeFor(random.next());
    const project = `${system.domain}/${name}`;
    const owner = system.owner;

    const providesApis: string[] = [];
    if (type === 'service' && random.chance(0.6)) {
      if (add(path, apiEntity(name, owner, system.name))) {
        providesApis.push(name);
      }
    }
    const dependsOn: string[] = [];
    for (const [suffix, resourceType, probability] of [
      ['db', 'database', 0.45],
      ['cache', 'cache', 0.2],
      ['queue', 'queue', 0.2],
      ['bucket', 'bucket', 0.15],
    ] as const) {
      if (type !== 'library' && random.chance(probability)) {
        const resource = `${name}-${suffix}`;
        if (
          add(
            path,
            resourceEntity({
              name: resource,
              type: resourceType,
              owner,
              system: system.name,
            }),
          )
        ) {
          dependsOn.push(`resource:${resource}`);
        }
      }
    }
    dependsOn.push(...random.sample(components, random.int(0, 2)));
    const consumesApis = random.sample(
      apis,
      type === 'library' ? 0 : random.int(0, 3),
    );
    const component = componentEntity({
      name,
      type,
      lifecycle: random.pick(LIFECYCLES),
      owner,
      system: system.name,
      project,
      tags: random.sample(TAGS, random.int(1, 3)),
      providesApis,
      consumesApis,
      dependsOn,
    });
    if (!add(path, component)) break;
    const componentRef = stringifyEntityRef(component);
    components.push(componentRef);
    if (type === 'service') serviceRefs.push(componentRef);
    apis.push(...providesApis.map(api => `api:${api}`));

    if (random.chance(0.8)) {
      add(
        path,
        pipelineEntity(flavour, {
          name: `${name}-ci`,
          owner,
          system: system.name,
          project,
          builds: name,
          deploys: type !== 'library',
          deploysTo: ENVIRONMENT_TIERS.map(
            tier => `${tier.name}-${system.region}`,
          ),
          nightly: random.chance(0.3),
        }),
      );
    }
  }

  return {
    files: [...files].map(([path, entities]) => ({ path, entities })),
    refsByKind,
    serviceRefs,
  };
}
