import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CatalogEntityValidator, checkCatalogInfoFile } from './catalogInfo';
import { GitlabCiSchema } from './ciSchema';
import { checkKubernetesFile } from './kubernetes';
import { KubernetesSchemas } from './kubernetes/kubernetesSchemas';
import { listWorkspaceFiles } from './listWorkspaceFiles';
import { checkTerraform } from './terraform';
import { sortWorkspaceProblems, WorkspaceProblem } from './types';

/** What `validateWorkspace` checks against; built once and shared by every run. */
export interface WorkspaceValidationDeps {
  /** GitLab's CI schema (`GitlabCiSchema.fromConfig` or `.fromFile`). */
  gitlabCiSchema: GitlabCiSchema;
  /** The catalog's validators, with the credentials of whoever asked. */
  catalog: CatalogEntityValidator;
  /** `<apiVersion>/<kind>` entries accepted without a schema. */
  kubernetesKindsWithoutSchema?: string[];
  /**
   * The `url:` location ref a catalog file will have once published, for the catalog's
   * processors. Default: the file's own `file://` URL.
   */
  catalogLocationRef?: (absoluteFile: string) => string;
}

export interface WorkspaceInspection {
  problems: WorkspaceProblem[];
  /** Files that were checked, relative to the directory. */
  checkedFiles: string[];
}

const CATALOG_FILE = /(^|\/)catalog-info\.ya?ml$/;
const YAML_FILE = /\.ya?ml$/;
const CI_FILE = '.gitlab-ci.yml';
/** A cheap pre-check before parsing a file a second time for the catalog. */
const CATALOG_API_VERSION_LINE =
  /^apiVersion:\s*['"]?(([a-z0-9-]+\.)*backstage\.io|platformportal\.io)\//m;

// One instance for the process: validators load lazily per kind and are reused.
const kubernetesSchemas = new KubernetesSchemas();

/** Inside a Helm chart's `templates/`, files are Go templates, not YAML yet. */
function isHelmTemplate(file: string, all: Set<string>): boolean {
  const parts = file.split('/');
  const templates = parts.lastIndexOf('templates');
  return (
    templates > 0 &&
    all.has([...parts.slice(0, templates), 'Chart.yaml'].join('/'))
  );
}

/** Like `validateWorkspace`, and also says which files were checked. */
export async function inspectWorkspace(
  dir: string,
  deps: WorkspaceValidationDeps,
): Promise<WorkspaceInspection> {
  const files = await listWorkspaceFiles(dir);
  const all = new Set(files);
  const read = (file: string) => fs.readFile(path.join(dir, file), 'utf8');
  const exists = (file: string) =>
    all.has(file) || files.some(f => f.startsWith(`${file}/`));
  const locationRef =
    deps.catalogLocationRef ??
    ((file: string) => `url:${pathToFileURL(file).href}`);

  const problems: WorkspaceProblem[] = [];
  const checkedFiles: string[] = [];
  const terraformFiles = [];
  for (const file of files) {
    if (file === CI_FILE) {
      problems.push(...deps.gitlabCiSchema.check(file, await read(file)));
    } else if (file.endsWith('.tf')) {
      terraformFiles.push({ file, text: await read(file) });
    } else if (CATALOG_FILE.test(file)) {
      problems.push(
        ...(await checkCatalogInfoFile(
          file,
          await read(file),
          deps.catalog,
          locationRef(path.join(dir, file)),
        )),
      );
    } else if (YAML_FILE.test(file) && !isHelmTemplate(file, all)) {
      const text = await read(file);
      const kubernetesProblems = checkKubernetesFile(file, text, {
        schemas: kubernetesSchemas,
        kindsWithoutSchema: deps.kubernetesKindsWithoutSchema ?? [],
        exists,
      });
      problems.push(...kubernetesProblems);
      // Entities kept in other files (`.backstage/environments.yaml`) go to the catalog too.
      if (CATALOG_API_VERSION_LINE.test(text)) {
        problems.push(
          ...(await checkCatalogInfoFile(
            file,
            text,
            deps.catalog,
            locationRef(path.join(dir, file)),
            'catalog-documents',
          )),
        );
      }
    } else {
      continue;
    }
    checkedFiles.push(file);
  }
  problems.push(...(await checkTerraform(terraformFiles)));
  return {
    problems: sortWorkspaceProblems(problems),
    checkedFiles: checkedFiles.sort(),
  };
}

/**
 * Checks a rendered workspace before anything is published: `.gitlab-ci.yml` against GitLab's
 * CI schema, Terraform, Kubernetes/Argo CD/External Secrets/kustomize manifests, and catalog
 * files through the catalog. Returns every problem, sorted by file and line; empty when clean.
 */
export async function validateWorkspace(
  dir: string,
  deps: WorkspaceValidationDeps,
): Promise<WorkspaceProblem[]> {
  return (await inspectWorkspace(dir, deps)).problems;
}
