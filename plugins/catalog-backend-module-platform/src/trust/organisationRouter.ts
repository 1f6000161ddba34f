import express from 'express';
import { CatalogTrust } from './catalogTrust';

/** Where `GET /api/catalog/platform/organisation` is, relative to the catalog's router. */
export const ORGANISATION_PATH = '/platform/organisation';

/** One organisation import, as the sign-in page explains it. */
export interface OrganisationImportInfo {
  /** GitLab host name. */
  host: string;
  /** The GitLab group people and teams come from; empty for the whole instance. */
  group: string;
  /** The group's page on GitLab. */
  groupUrl: string;
  /** Only members of `group` become Users (`restrictUsersToGroup`). */
  membersOnly: boolean;
  /** How often the import runs, when its schedule is a plain duration. */
  everyMinutes?: number;
}

/**
 * `GET /platform/organisation`: where the catalog's people come from, for a sign-in page to say
 * why a GitLab account has no User and whom to ask. Unauthenticated (nobody is signed in yet):
 * it tells what the frontend configuration already shows (the GitLab host) plus a group path.
 */
export function organisationRouter(trust: CatalogTrust): express.Router {
  const body: { imports: OrganisationImportInfo[] } = {
    imports: trust.organisationImports.map(o => ({
      host: o.host,
      group: o.group,
      groupUrl: o.group ? `${o.baseUrl}/${o.group}` : o.baseUrl,
      membersOnly: o.membersOnly,
      ...(o.everyMinutes !== undefined && { everyMinutes: o.everyMinutes }),
    })),
  };
  const router = express.Router();
  router.get(ORGANISATION_PATH, (_req, res) => {
    res.json(body);
  });
  return router;
}
