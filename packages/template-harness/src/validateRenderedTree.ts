import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { TestBackend } from '@backstage/backend-test-utils';
import {
  GitlabCiSchema,
  validateWorkspace,
  WorkspaceProblem,
} from '@internal/plugin-scaffolder-backend-module-platform';
import { catalogEntityValidator } from './catalogEntityValidator';
import { gitlabCiSchemaFile } from './repoPaths';
import { FileTree } from './snapshot';

/** Writes a rendered tree to a fresh temporary folder and returns the folder. */
export function writeTree(files: FileTree): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'template-harness-'));
  for (const [file, content] of files) {
    const full = resolveSafeChildPath(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

// Built once: the checker compiles GitLab's (large) schema on first use and keeps it.
let gitlabCiSchema: GitlabCiSchema | undefined;

/**
 * Every generated file through the validation `platform:validate` runs in the scaffolder
 * (GitLab CI schema, Terraform HCL, Kubernetes, Argo CD and kustomize schemas, catalog files
 * through the harness backend's catalog), on a copy of the rendered tree, with GitLab's CI
 * schema from shared/contracts.
 */
export async function validateRenderedTree(
  backend: TestBackend,
  files: FileTree,
): Promise<WorkspaceProblem[]> {
  gitlabCiSchema ??= GitlabCiSchema.fromFile(gitlabCiSchemaFile());
  const dir = writeTree(files);
  try {
    return await validateWorkspace(dir, {
      gitlabCiSchema,
      catalog: catalogEntityValidator(backend),
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
