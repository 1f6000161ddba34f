import path from 'node:path';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { HumanDuration } from '@backstage/types';

/** A `catalog.providers.gitlab.<id>` entry with `orgEnabled: true`: users and groups from GitLab. */
export interface OrganisationImport {
  /** `<id>` of `catalog.providers.gitlab.<id>`. */
  providerId: string;
  /** The GitLab host, as the integration names it (`gitlab.example.com`). */
  host: string;
  /** The integration's web address (`https://gitlab.example.com`), which the provider's locations start with. */
  baseUrl: string;
  /** The GitLab group whose subgroups become the Groups; empty for the whole instance. */
  group: string;
  /** `restrictUsersToGroup`: only members of `group` become Users. */
  membersOnly: boolean;
  /** How often the import runs, in minutes, when the schedule is a plain duration. */
  everyMinutes?: number;
}

/** Who may define what in the catalog; read once from configuration. */
export interface CatalogTrust {
  organisationImports: OrganisationImport[];
  /** `catalog.locations`, resolved as the catalog resolves them: `<type>:<target>`. */
  configuredLocations: string[];
  /** `catalog.platform.trustedLocations`, normalised; an entry ending in `/` is a prefix. */
  platformLocations: string[];
}

/** The ids of `catalog.providers.gitlab` entries that are organisation imports (`orgEnabled`). */
export function organisationProviderIds(config: RootConfigService): string[] {
  const providers = config.getOptionalConfig('catalog.providers.gitlab');
  return (providers?.keys() ?? []).filter(id =>
    providers!.getOptionalBoolean(`${id}.orgEnabled`),
  );
}

/**
 * A location reference in the one spelling the trust rules compare: URLs as the WHATWG parser
 * writes them (so `..`, `%2e%2e` and `\` cannot step out of a trusted prefix), files as absolute
 * paths. A trailing `/` is kept: it marks a prefix. Undefined when the reference cannot be read.
 */
export function normaliseLocationRef(
  type: string,
  target: string,
): string | undefined {
  if (type === 'url') {
    try {
      return `url:${new URL(target).href}`;
    } catch {
      return undefined;
    }
  }
  if (type === 'file') {
    const resolved = path.resolve(target);
    const prefix = /[\\/]$/.test(target) && resolved !== path.sep;
    return `file:${resolved}${prefix ? path.sep : ''}`;
  }
  return `${type}:${target}`;
}

/** Splits `type:target` at the first colon, as the catalog does. */
function splitLocationRef(ref: string): { type: string; target: string } {
  const colon = ref.indexOf(':');
  if (colon <= 0) {
    throw new Error(
      `catalog.platform.trustedLocations: "${ref}" is not a location reference (<type>:<target>, e.g. url:https://gitlab.example.com/platform/)`,
    );
  }
  return { type: ref.slice(0, colon), target: ref.slice(colon + 1) };
}

function minutesOf(
  frequency: ReturnType<
    typeof readSchedulerServiceTaskScheduleDefinitionFromConfig
  >['frequency'],
): number | undefined {
  if ('as' in frequency && typeof frequency.as === 'function') {
    return frequency.as('minutes');
  }
  if ('cron' in frequency || 'trigger' in frequency) return undefined;
  const d = frequency as HumanDuration;
  const minutes =
    (d.years ?? 0) * 525_600 +
    (d.months ?? 0) * 43_200 +
    (d.weeks ?? 0) * 10_080 +
    (d.days ?? 0) * 1_440 +
    (d.hours ?? 0) * 60 +
    (d.minutes ?? 0) +
    (d.seconds ?? 0) / 60 +
    (d.milliseconds ?? 0) / 60_000;
  return minutes > 0 ? minutes : undefined;
}

function readOrganisationImports(
  config: RootConfigService,
): OrganisationImport[] {
  const integrations = ScmIntegrations.fromConfig(config).gitlab;
  return organisationProviderIds(config).flatMap(providerId => {
    const entry = config.getConfig(`catalog.providers.gitlab.${providerId}`);
    const host = entry.getString('host');
    // The org provider refuses to start without its integration; nothing to recognise then.
    const integration = integrations.byHost(host);
    if (!integration) return [];
    const schedule = entry.getOptionalConfig('schedule');
    return [
      {
        providerId,
        host: integration.config.host,
        baseUrl: integration.config.baseUrl,
        group: (entry.getOptionalString('group') ?? '').replace(/\/+$/, ''),
        membersOnly: entry.getOptionalBoolean('restrictUsersToGroup') ?? false,
        everyMinutes: schedule
          ? minutesOf(
              readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
                .frequency,
            )
          : undefined,
      },
    ];
  });
}

/** Reads the trust rules' configuration (see the package README, "Who may define what"). */
export function readCatalogTrust(config: RootConfigService): CatalogTrust {
  const configuredLocations = (
    config.getOptionalConfigArray('catalog.locations') ?? []
  ).flatMap(location => {
    // ConfigLocationEntityProvider resolves file targets against the working directory, as this does.
    const ref = normaliseLocationRef(
      location.getString('type'),
      location.getString('target'),
    );
    return ref ? [ref] : [];
  });
  const platformLocations = (
    config.getOptionalStringArray('catalog.platform.trustedLocations') ?? []
  ).map(entry => {
    const { type, target } = splitLocationRef(entry);
    const ref = normaliseLocationRef(type, target);
    if (!ref) {
      throw new Error(
        `catalog.platform.trustedLocations: "${entry}" is not a valid ${type} location`,
      );
    }
    return ref;
  });
  return {
    organisationImports: readOrganisationImports(config),
    configuredLocations,
    platformLocations,
  };
}
