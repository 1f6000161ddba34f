import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { JsonMap } from './discoverTemplates';
import { gitlabCiSchemaFile, repoRoot } from './repoPaths';

interface CatalogLocation extends JsonMap {
  type: string;
  target: string;
}

/**
 * The portal's development configuration (app-config.yaml): integrations (the scaffolder's
 * `parseRepoUrl` and publish actions need the GitLab host), scaffolder defaults, the catalog's
 * rules and locations, `app.baseUrl`, and whatever the platform modules read (GitLab's CI
 * schema set to shared/contracts' copy). Left out:
 * `backend` (the test backend brings its own server, database (SQLite in memory) and discovery) and
 * `permission`: the portal runs the allow-all policy, and with the framework on and no
 * permission backend here every check would fail; off, every request is allowed alike.
 * Catalog location targets are written relative to packages/backend, where the backend runs;
 * they are made absolute here.
 */
export function portalConfig(): JsonMap {
  const {
    backend: _backend,
    permission: _permission,
    ...config
  } = parse(fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'));
  const catalog = config.catalog ?? {};
  const scaffolder = config.scaffolder ?? {};
  return {
    ...config,
    scaffolder: {
      ...scaffolder,
      platform: {
        ...scaffolder.platform,
        // platform:validate checks .gitlab-ci.yml against GitLab's CI schema: the published
        // one in shared/contracts, whatever path (relative to packages/backend) the file names.
        validation: {
          ...scaffolder.platform?.validation,
          gitlabCiSchema: gitlabCiSchemaFile(),
        },
      },
    },
    catalog: {
      ...catalog,
      locations: (catalog.locations ?? []).map((location: CatalogLocation) => ({
        ...location,
        target:
          location.type === 'file'
            ? path.resolve(repoRoot, 'packages/backend', location.target)
            : location.target,
      })),
    },
  };
}

/** The `file` location globs of the catalog configuration, absolute. */
export function fileLocationGlobs(config: JsonMap): string[] {
  const locations = ((config.catalog as JsonMap | undefined)?.locations ??
    []) as CatalogLocation[];
  return locations.filter(l => l.type === 'file').map(l => l.target);
}
