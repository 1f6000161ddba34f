import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import { CatalogTrust, normaliseLocationRef } from './catalogTrust';
import { EntitySource } from './entitySource';

/** One rule: which kinds only some sources may define. */
export interface TrustRule {
  /** Named in every refusal, and in the package README. */
  id: string;
  /** Entity kinds the rule covers (compared case-insensitively, as catalog.rules compare them). */
  kinds: string[];
  /** The sources that may define them. */
  allowedFrom: Array<EntitySource['type']>;
  /** Who may define them, in words, with the configuration that says so. */
  describe(trust: CatalogTrust): string;
}

function listOrNone(items: string[]): string {
  return items.length ? items.join(', ') : 'none configured';
}

export const TRUST_RULES: TrustRule[] = [
  {
    id: 'organisation-kinds',
    kinds: ['User', 'Group'],
    allowedFrom: ['organisation', 'configured'],
    describe: trust =>
      `User and Group entities come only from the GitLab organisation import (${listOrNone(
        trust.organisationImports.map(
          o =>
            `catalog.providers.gitlab.${o.providerId}: group ${
              o.group || '(the whole instance)'
            } on ${o.host}`,
        ),
      )}) or from the portal's own catalog.locations`,
  },
  {
    id: 'platform-kinds',
    kinds: ['Template', 'Environment'],
    allowedFrom: ['configured', 'platform'],
    describe: trust =>
      `Template and Environment entities come only from the portal's own catalog.locations or from the platform's repositories (catalog.platform.trustedLocations: ${listOrNone(
        trust.platformLocations,
      )})`,
  },
  {
    id: 'platform-locations',
    kinds: ['Location'],
    allowedFrom: ['configured', 'platform'],
    describe: trust =>
      `a Location that points at other catalog files comes only from the portal's own catalog.locations or from the platform's repositories (catalog.platform.trustedLocations: ${listOrNone(
        trust.platformLocations,
      )}); anywhere else a Location may only name its own file`,
  },
];

function ruleFor(kind: string): TrustRule | undefined {
  const lower = kind.toLocaleLowerCase('en-US');
  return TRUST_RULES.find(rule =>
    rule.kinds.some(k => k.toLocaleLowerCase('en-US') === lower),
  );
}

/**
 * Whether a Location names nothing but the location it was read from: what GitLab discovery and
 * a registration (the API, the scaffolder) put in the catalog for each file. Reading such a
 * Location again yields the same file under the same origin, so it needs no trust.
 */
function namesOnlyItself(entity: Entity, location: LocationSpec): boolean {
  const spec = (entity.spec ?? {}) as {
    type?: unknown;
    target?: unknown;
    targets?: unknown;
  };
  const type = typeof spec.type === 'string' ? spec.type : location.type;
  const targets = [
    ...(typeof spec.target === 'string' ? [spec.target] : []),
    ...(Array.isArray(spec.targets) ? spec.targets : []),
  ];
  const own = normaliseLocationRef(location.type, location.target);
  return (
    targets.length > 0 &&
    type === location.type &&
    targets.every(target => {
      if (typeof target !== 'string') return false;
      // Relative targets are resolved against the Location's own file, as the catalog does.
      const absolute =
        type === 'file'
          ? path.resolve(path.dirname(location.target), target)
          : (() => {
              try {
                return new URL(target, location.target).href;
              } catch {
                return target;
              }
            })();
      return normaliseLocationRef(type, absolute) === own;
    })
  );
}

/** The rule that refuses this entity from this source, if one does. */
export function refusingRule(
  entity: Entity,
  source: EntitySource,
  location: LocationSpec,
): TrustRule | undefined {
  const rule = ruleFor(entity.kind);
  if (!rule || rule.allowedFrom.includes(source.type)) return undefined;
  if (rule.id === 'platform-locations' && namesOnlyItself(entity, location)) {
    return undefined;
  }
  return rule;
}
