import request from 'supertest';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { DiscoveredTemplate, JsonMap } from './discoverTemplates';
import { normaliseRendered } from './normaliseRendered';
import { DirectoryFile, readTemplateDirectory } from './readTemplateDirectory';
import { FileTree } from './snapshot';

/** Who runs the dry runs: a user of the example organisation (examples/org.yaml). */
export const HARNESS_USER = 'user:default/ada.lovelace';

export interface DryRunRequest {
  template: JsonMap;
  values: JsonMap;
  directoryContents: DirectoryFile[];
  secrets?: Record<string, string>;
}

/** A log line of the dry run; `status` is set on a step's lifecycle lines. */
export interface DryRunLogEntry {
  body: { message: string; stepId?: string; status?: string };
}

/** The scaffolder's answer to a dry run (POST /api/scaffolder/v2/dry-run). */
export interface DryRunAnswer {
  log: DryRunLogEntry[];
  steps: Array<{ id: string; name: string; action: string }>;
  output: JsonMap;
  directoryContents: Array<{ path: string; base64Content: string }>;
}

export interface RenderedTemplate {
  /** The rendered workspace, sorted by path, with what varies per run normalised. */
  files: FileTree;
  /** Steps the scaffolder skipped because their action does not support dry runs. */
  skippedSteps: string[];
  answer: DryRunAnswer;
}

/** The request Backstage's template editor sends for a template file and form values. */
export function dryRunRequest(
  template: DiscoveredTemplate,
  values: JsonMap,
): DryRunRequest {
  return {
    template: template.entity as unknown as JsonMap,
    values,
    directoryContents: readTemplateDirectory(template.file, template.entity),
    secrets: {},
  };
}

/** Sends a dry run as `HARNESS_USER`, as the template editor does, and returns the raw answer. */
export function postDryRun(backend: TestBackend, body: DryRunRequest) {
  return request(backend.server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header(HARNESS_USER))
    .send(body);
}

/**
 * Renders a template through the real scaffolder's dry run and returns its workspace. Fails,
 * with the scaffolder's own message, when the answer is not 200 or any step failed.
 */
export async function dryRunTemplate(
  backend: TestBackend,
  template: DiscoveredTemplate,
  values: JsonMap,
): Promise<RenderedTemplate> {
  const res = await postDryRun(backend, dryRunRequest(template, values));
  if (res.status !== 200) {
    // A refused parameter comes back as jsonschema errors, anything else as the step's error.
    const reason: string =
      res.body?.error?.message ??
      (res.body?.errors as Array<{ stack: string }> | undefined)
        ?.map(e => e.stack)
        .join('; ') ??
      res.text;
    throw new Error(
      `Dry run of ${template.name} answered ${res.status}: ${reason}`,
    );
  }
  const answer: DryRunAnswer = res.body;
  const failed = answer.log.filter(entry => entry.body.status === 'failed');
  if (failed.length > 0) {
    throw new Error(
      `Dry run of ${template.name} failed in step(s) ${failed
        .map(entry => `${entry.body.stepId}: ${entry.body.message}`)
        .join('\n')}`,
    );
  }
  const skippedSteps = answer.log
    .filter(entry => entry.body.status === 'skipped' && entry.body.stepId)
    .map(entry => entry.body.stepId as string);
  // The answer carries no file modes worth keeping: the request has none, so the scaffolder
  // writes every template file without its executable bit.
  const files = normaliseRendered(
    new Map(
      [...answer.directoryContents]
        .sort((a, b) => (a.path < b.path ? -1 : 1))
        .map(file => [file.path, Buffer.from(file.base64Content, 'base64')]),
    ),
  );
  return { files, skippedSteps, answer };
}
