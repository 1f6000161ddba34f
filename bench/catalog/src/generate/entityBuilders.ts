import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ARGOCD_APP_SELECTOR,
  ANNOTATION_DATADOG_SLO_QUERY,
  ANNOTATION_GITLAB_PROJECT_SLUG,
  ANNOTATION_KUBERNETES_ID,
  PLATFORM_API_VERSION,
} from '@internal/catalog-model-platform';

/**
 * `platform`: the portal's catalog, with Pipeline and Environment kinds.
 * `plain`: the same company in stock Backstage kinds only (a pipeline is a Component of type
 * `pipeline`, an environment a Resource of type `environment`), for the stock catalog to load.
 */
export type CatalogFlavour = 'platform' | 'plain';

const BACKSTAGE_API_VERSION = 'backstage.io/v1alpha1';

export function domainEntity(name: string, owner: string): Entity {
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: 'Domain',
    metadata: { name, description: `The ${name} business domain` },
    spec: { owner: `group:${owner}` },
  };
}

export function groupEntity(options: {
  name: string;
  type: 'department' | 'team';
  parent?: string;
  members?: string[];
}): Entity {
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: 'Group',
    metadata: { name: options.name },
    spec: {
      type: options.type,
      profile: { displayName: options.name.replace(/-/g, ' ') },
      ...(options.parent && { parent: `group:${options.parent}` }),
      children: [],
      ...(options.members && { members: options.members }),
    },
  };
}

export function userEntity(name: string, team: string): Entity {
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: 'User',
    metadata: { name },
    spec: {
      profile: {
        displayName: name.replace(/[.-]/g, ' '),
        email: `${name}@example.com`,
      },
      memberOf: [`group:${team}`],
    },
  };
}

export function systemEntity(name: string, domain: string, owner: string) {
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: 'System',
    metadata: { name, description: `The ${name} system` },
    spec: { owner: `group:${owner}`, domain: `domain:${domain}` },
  };
}

export function resourceEntity(options: {
  name: string;
  type: string;
  owner: string;
  system?: string;
  dependsOn?: string[];
}): Entity {
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: 'Resource',
    metadata: { name: options.name },
    spec: {
      type: options.type,
      owner: `group:${options.owner}`,
      ...(options.system && { system: options.system }),
      ...(options.dependsOn && { dependsOn: options.dependsOn }),
    },
  };
}

export function apiEntity(name: string, owner: string, system: string) {
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: 'API',
    metadata: { name, description: `HTTP API of ${name}` },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: `group:${owner}`,
      system,
      definition: `openapi: 3.0.0\ninfo:\n  title: ${name}\n  version: 1.0.0\npaths: {}\n`,
    },
  };
}

export function componentEntity(options: {
  name: string;
  type: 'service' | 'website' | 'library';
  lifecycle: string;
  owner: string;
  system: string;
  project: string;
  tags: string[];
  providesApis: string[];
  consumesApis: string[];
  dependsOn: string[];
}): Entity {
  const deployable = options.type !== 'library';
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: 'Component',
    metadata: {
      name: options.name,
      title: options.name.replace(/-/g, ' '),
      description: `${options.type} ${options.name} of ${options.system}`,
      annotations: {
        [ANNOTATION_GITLAB_PROJECT_SLUG]: options.project,
        ...(deployable && {
          [ANNOTATION_ARGOCD_APP_SELECTOR]: `${ANNOTATION_KUBERNETES_ID}=${options.name}`,
          [ANNOTATION_KUBERNETES_ID]: options.name,
          [ANNOTATION_DATADOG_SLO_QUERY]: `service:${options.name}`,
        }),
      },
      tags: options.tags,
    },
    spec: {
      type: options.type,
      lifecycle: options.lifecycle,
      owner: `group:${options.owner}`,
      system: options.system,
      ...(options.providesApis.length && {
        providesApis: options.providesApis,
      }),
      ...(options.consumesApis.length && {
        consumesApis: options.consumesApis,
      }),
      ...(options.dependsOn.length && { dependsOn: options.dependsOn }),
    },
  };
}

/** The entity ref of an environment in the given flavour. */
export function environmentRef(flavour: CatalogFlavour, name: string) {
  return flavour === 'platform' ? `environment:${name}` : `resource:${name}`;
}

export function environmentEntity(
  flavour: CatalogFlavour,
  options: {
    name: string;
    tier: string;
    production: boolean;
    promotionOrder: number;
    promotesTo?: string;
    cluster: string;
    owner: string;
    region: string;
  },
): Entity {
  if (flavour === 'plain') {
    return resourceEntity({
      name: options.name,
      type: 'environment',
      owner: options.owner,
      dependsOn: [
        `resource:${options.cluster}`,
        ...(options.promotesTo
          ? [environmentRef(flavour, options.promotesTo)]
          : []),
      ],
    });
  }
  return {
    apiVersion: PLATFORM_API_VERSION,
    kind: 'Environment',
    metadata: {
      name: options.name,
      description: `${options.tier} in ${options.region}`,
    },
    spec: {
      type: options.tier,
      owner: `group:${options.owner}`,
      production: options.production,
      promotionOrder: options.promotionOrder,
      ...(options.promotesTo && {
        promotesTo: environmentRef(flavour, options.promotesTo),
      }),
      clusters: [`resource:${options.cluster}`],
      argocd: { instance: `argocd-${options.region}`, project: options.tier },
      cloud: {
        provider: 'aws',
        account: `${options.tier}-${options.region}`,
        region: options.region,
      },
    },
  };
}

const PIPELINE_STAGES = ['lint', 'test', 'build', 'scan', 'deploy'];

export function pipelineEntity(
  flavour: CatalogFlavour,
  options: {
    name: string;
    owner: string;
    system: string;
    project: string;
    builds: string;
    deploys: boolean;
    deploysTo: string[];
    nightly: boolean;
  },
): Entity {
  const component = `component:${options.builds}`;
  const environments = options.deploysTo.map(env =>
    environmentRef(flavour, env),
  );
  if (flavour === 'plain') {
    return {
      apiVersion: BACKSTAGE_API_VERSION,
      kind: 'Component',
      metadata: {
        name: options.name,
        annotations: { [ANNOTATION_GITLAB_PROJECT_SLUG]: options.project },
      },
      spec: {
        type: 'pipeline',
        lifecycle: 'production',
        owner: `group:${options.owner}`,
        system: options.system,
        dependsOn: [component, ...environments],
      },
    };
  }
  return {
    apiVersion: PLATFORM_API_VERSION,
    kind: 'Pipeline',
    metadata: {
      name: options.name,
      annotations: { [ANNOTATION_GITLAB_PROJECT_SLUG]: options.project },
    },
    spec: {
      type: 'gitlab-ci',
      owner: `group:${options.owner}`,
      system: options.system,
      project: options.project,
      defaultRef: 'main',
      stages: options.deploys ? PIPELINE_STAGES : PIPELINE_STAGES.slice(0, 4),
      ...(options.nightly && {
        schedules: [{ cron: '0 3 * * *', description: 'nightly scan' }],
      }),
      includes: [
        {
          project: 'platform/ci-templates',
          ref: 'v3',
          file: ['/node.gitlab-ci.yml', '/security.gitlab-ci.yml'],
        },
      ],
      builds: [component],
      ...(options.deploys && { deploys: [component] }),
      ...(options.deploys && { deploysTo: environments }),
    },
  };
}
