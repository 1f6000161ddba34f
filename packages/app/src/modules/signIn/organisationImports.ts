import { DiscoveryApi } from '@backstage/core-plugin-api';

/**
 * One organisation import, as `GET /api/catalog/platform/organisation` describes it
 * (plugins/catalog-backend-module-platform, `OrganisationImportInfo`).
 */
export interface OrganisationImport {
  host: string;
  /** The GitLab group people and teams come from; empty for the whole instance. */
  group: string;
  groupUrl: string;
  /** Only members of `group` become Users. */
  membersOnly: boolean;
  everyMinutes?: number;
}

/**
 * Where the catalog's people come from. Asked before anyone is signed in, so with the browser's
 * own fetch: fetchApi would wait for an identity to attach, and this route needs none.
 * Undefined when the catalog does not answer.
 */
export async function fetchOrganisationImports(
  discoveryApi: DiscoveryApi,
): Promise<OrganisationImport[] | undefined> {
  try {
    const baseUrl = await discoveryApi.getBaseUrl('catalog');
    const response = await fetch(`${baseUrl}/platform/organisation`);
    if (!response.ok) return undefined;
    const body = (await response.json()) as { imports?: OrganisationImport[] };
    return Array.isArray(body.imports) ? body.imports : undefined;
  } catch {
    // The explanation stands without the group's name; the page says it could not be read.
    return undefined;
  }
}
