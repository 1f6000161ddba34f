import fs from 'node:fs/promises';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  InputError,
  isError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseAllDocuments } from 'yaml';
import { examples } from './registerInCatalog.examples';

export const REGISTER_ACTION_ID = 'platform:catalog:register';

export interface RegisterInCatalogActionOptions {
  catalog: CatalogService;
  integrations: ScmIntegrationRegistry;
  /** The portal's catalog import page, e.g. `https://portal.example.com/catalog-import`. */
  catalogImportUrl: string;
}

/** The entity catalog:register reports: the first Component, else the first entity. */
function mainEntity(entities: Entity[]): Entity | undefined {
  const named = entities.filter(e => !e.metadata.name.startsWith('generated-'));
  return named.find(e => e.kind === 'Component') ?? named[0] ?? entities[0];
}

/** Drops `user:password@` so a URL can go into a log or an error message. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** `https://gitlab.example.com/commerce/orders-api.git` → `commerce/orders-api`. */
function projectPathOf(remoteUrl: string): string {
  try {
    return new URL(remoteUrl).pathname
      .replace(/^\/+/, '')
      .replace(/\.git$/, '');
  } catch {
    return remoteUrl;
  }
}

/** 409 from the catalog: the location is registered already (the catalog client wraps it). */
function isConflict(error: unknown): boolean {
  const e = error as {
    name?: string;
    statusCode?: number;
    cause?: { name?: string };
  };
  return (
    e?.name === 'ConflictError' ||
    e?.statusCode === 409 ||
    e?.cause?.name === 'ConflictError'
  );
}

/** The catalog's own words: a ResponseError's cause holds what the catalog said. */
/**
 * The catalog answered and said no (a 4xx: the file is invalid, the location is not allowed):
 * nothing was registered. Anything else (a timeout, a 5xx, a dropped connection) leaves it open
 * whether the location was stored before the failure.
 */
function wasRefused(error: unknown): boolean {
  const status = (error as { statusCode?: number })?.statusCode;
  const name = (error as { name?: string })?.name;
  return (
    (typeof status === 'number' && status >= 400 && status < 500) ||
    name === 'InputError' ||
    name === 'NotAllowedError'
  );
}

function reasonOf(error: unknown): string {
  const e = error as { cause?: { message?: string }; statusCode?: number };
  if (e?.cause?.message && e.statusCode) {
    return `${e.cause.message} (HTTP ${e.statusCode})`;
  }
  return isError(error) ? error.message : String(error);
}

/**
 * `platform:catalog:register`: what `catalog:register` does (register `repoContentsUrl` +
 * `catalogInfoPath`, output `entityRef`), for a repository a previous step already published.
 * Named after the built-in it wraps, under the portal's prefix. When registering fails, the error
 * says what exists by now and the two ways to finish — register by hand or delete the project —
 * instead of leaving a repository nobody knows about.
 */
export function createRegisterInCatalogAction(
  options: RegisterInCatalogActionOptions,
) {
  const { catalog, integrations, catalogImportUrl } = options;
  return createTemplateAction({
    id: REGISTER_ACTION_ID,
    description:
      'Registers the catalog file of a just-published repository in the catalog, like catalog:register. If that fails, the error names the published repository and what to do: register it by hand at the catalog import page, or delete the project. In dry-run, reports what would be registered.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoContentsUrl: z =>
          z.string({
            description:
              'URL of the root of the published repository’s files (publish:gitlab’s `repoContentsUrl`)',
          }),
        catalogInfoPath: z =>
          z
            .string({
              description:
                'Path of the catalog file from the repository root. Default: /catalog-info.yaml',
            })
            .optional(),
        remoteUrl: z =>
          z.string({
            description:
              'The published repository (publish:gitlab’s `remoteUrl`), named in the error if registering fails',
          }),
      },
      output: {
        entityRef: z =>
          z
            .string({
              description:
                'The registered Component (or first entity), as catalog:register outputs it',
            })
            .optional(),
        catalogInfoUrl: z =>
          z
            .string({
              description: 'The URL that was registered (none in a dry run)',
            })
            .optional(),
      },
    },
    async handler(ctx) {
      const { repoContentsUrl, remoteUrl } = ctx.input;
      const catalogInfoPath = ctx.input.catalogInfoPath ?? '/catalog-info.yaml';
      const integration = integrations.byUrl(repoContentsUrl);
      const catalogInfoUrl = integration?.resolveUrl({
        base: repoContentsUrl,
        url: catalogInfoPath,
      });
      if (catalogInfoUrl) {
        ctx.output('catalogInfoUrl', catalogInfoUrl);
      }
      if (ctx.isDryRun) {
        // Nothing was published (a dry run skips publish:*, whose outputs are then placeholders
        // that no integration knows): report what would be registered, read from the workspace.
        ctx.logger.info(
          `Would register ${catalogInfoPath} of ${repoContentsUrl} in the catalog`,
        );
        const file = resolveSafeChildPath(
          ctx.workspacePath,
          `.${catalogInfoPath}`,
        );
        const text = await fs.readFile(file, 'utf8').catch(() => undefined);
        const entities = text
          ? parseAllDocuments(text)
              .map(d => d.toJS() as Entity)
              .filter(e => e?.kind && e?.metadata?.name)
          : [];
        const entity = mainEntity(entities);
        if (entity) ctx.output('entityRef', stringifyEntityRef(entity));
        return;
      }

      if (!integration || !catalogInfoUrl) {
        throw new InputError(
          `${REGISTER_ACTION_ID}: no integration for ${withoutCredentials(
            repoContentsUrl,
          )}; add its host to integrations`,
        );
      }

      const credentials = await ctx.getInitiatorCredentials();
      const location = { type: 'url', target: catalogInfoUrl };
      ctx.logger.info(`Registering ${catalogInfoUrl} in the catalog`);
      try {
        await catalog.addLocation(location, { credentials });
      } catch (error) {
        if (isConflict(error)) {
          // A retried task: the location is there already, which is what we wanted.
          ctx.logger.info(`${catalogInfoUrl} was already registered`);
        } else {
          const repository = withoutCredentials(remoteUrl);
          const project = `${projectPathOf(repository)} (${repository})`;
          if (wasRefused(error)) {
            throw new InputError(
              `The repository ${repository} was created and pushed, but the catalog refused to register it: ${reasonOf(
                error,
              )}. Nothing is in the catalog. Either fix ${catalogInfoPath} in the repository and register it by hand at ${catalogImportUrl} with ${catalogInfoUrl}, or delete the project ${project} and run the template again.`,
            );
          }
          throw new ServiceUnavailableError(
            `The repository ${repository} was created and pushed, but registering it in the catalog failed: ${reasonOf(
              error,
            )}. It may have been registered before the failure: look for ${catalogInfoUrl} at ${catalogImportUrl}; if it is not there, register it by hand with that URL, or delete the project ${project} and run the template again.`,
          );
        }
      }

      try {
        const { entities } = await catalog.addLocation(
          { ...location, dryRun: true },
          { credentials },
        );
        const entity = mainEntity(entities);
        if (entity) ctx.output('entityRef', stringifyEntityRef(entity));
      } catch (error) {
        throw new InputError(
          `${catalogInfoUrl} is registered in the catalog (its entities appear within minutes; nothing needs deleting), but reading them back for the entityRef output failed: ${reasonOf(
            error,
          )}`,
        );
      }
    },
  });
}
