import { Entity } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogTrust,
  normaliseLocationRef,
  OrganisationImport,
} from './catalogTrust';

/**
 * Where an entity's definition comes from, as far as the trust rules are concerned:
 * - `organisation`: the GitLab organisation import put it in the catalog itself;
 * - `configured`: its origin is one of the portal's own `catalog.locations`;
 * - `platform`: its origin is under a `catalog.platform.trustedLocations` entry;
 * - `other`: anything else: a file found by GitLab discovery, a location registered through the
 *   API or by the scaffolder.
 */
export type EntitySource =
  | { type: 'organisation'; organisationImport: OrganisationImport }
  | { type: 'configured' | 'platform' | 'other' };

// A GitLab group path as GitLab allows it: names of letters, digits, `_`, `.` and `-`, never
// starting with `-` (so never GitLab's `/-/` separator).
const GITLAB_PATH =
  /^[A-Za-z0-9_.][A-Za-z0-9_.-]*(\/[A-Za-z0-9_.][A-Za-z0-9_.-]*)*$/;

/**
 * The location the org provider gives this entity (`withLocations` of
 * GitlabOrgDiscoveryEntityProvider): `url:<baseUrl>/<username>` for a User,
 * `url:<baseUrl>/<group path>` for a Group, the path read from the entity's own
 * `<host>/team-path` annotation. Undefined when the entity could not be one of its.
 */
function organisationLocationOf(
  entity: Entity,
  organisationImport: OrganisationImport,
): string | undefined {
  const { baseUrl, host, group } = organisationImport;
  let itemPath: string | undefined;
  if (entity.kind === 'User') {
    itemPath = entity.metadata.name;
  } else if (entity.kind === 'Group') {
    itemPath = entity.metadata.annotations?.[`${host}/team-path`];
    const inGroup =
      !group || itemPath === group || itemPath?.startsWith(`${group}/`);
    if (!inGroup) return undefined;
  }
  // Nothing a URL reader can read lives at such a path: GitLab's reader needs `/blob/` (or
  // `/-/jobs/artifacts/`), so a registered location with this exact target yields no entities.
  if (
    !itemPath ||
    !GITLAB_PATH.test(itemPath) ||
    itemPath.split('/').some(segment => segment.toLowerCase() === 'blob')
  ) {
    return undefined;
  }
  return normaliseLocationRef('url', `${baseUrl}/${itemPath}`);
}

/**
 * Tells the org provider's entities from everything read out of a file. The catalog sets both
 * location annotations of an entity read from a file itself (the file, and where the chain of
 * Locations that led to it started), overriding what the file says; an entity provider sets
 * them on what it emits. The org provider sets both to its GitLab address of that user or group,
 * which no readable catalog file has.
 */
export function sourceOf(
  entity: Entity,
  location: LocationSpec,
  originLocation: LocationSpec,
  trust: CatalogTrust,
): EntitySource {
  const origin = normaliseLocationRef(
    originLocation.type,
    originLocation.target,
  );
  const own = normaliseLocationRef(location.type, location.target);
  if (origin && origin === own) {
    for (const organisationImport of trust.organisationImports) {
      if (organisationLocationOf(entity, organisationImport) === origin) {
        return { type: 'organisation', organisationImport };
      }
    }
  }
  if (origin && trust.configuredLocations.includes(origin)) {
    return { type: 'configured' };
  }
  if (
    origin &&
    trust.platformLocations.some(entry =>
      entry.endsWith('/') || entry.endsWith('\\')
        ? origin.startsWith(entry)
        : origin === entry,
    )
  ) {
    return { type: 'platform' };
  }
  return { type: 'other' };
}
