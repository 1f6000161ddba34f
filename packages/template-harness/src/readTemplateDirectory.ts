import fs from 'node:fs';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { TemplateEntity } from './discoverTemplates';

/** A file of the dry-run request's `directoryContents`, path relative to the template file. */
export interface DirectoryFile {
  path: string;
  base64Content: string;
}

// Never part of what a template fetches, even when a step's url is templated down to `.`.
const HARNESS_FOLDERS = new Set(['__fixtures__', '__snapshots__']);

/**
 * The folder a step fetches from, relative to the template file: the url itself when it is a
 * plain relative path, the static part before the first `${{` when it is templated.
 */
function fetchedPath(url: unknown): string | undefined {
  if (typeof url !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return undefined;
  }
  const expression = url.indexOf('${{');
  if (expression < 0) return url;
  const prefix = url.slice(0, expression);
  return prefix.endsWith('/') ? prefix : path.posix.dirname(prefix);
}

function listFiles(root: string, relative: string): string[] {
  const full = resolveSafeChildPath(root, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [path.relative(root, full)];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter(entry => !HARNESS_FOLDERS.has(entry.name))
    .flatMap(entry =>
      listFiles(root, path.join(path.relative(root, full), entry.name)),
    );
}

/**
 * What Backstage's template editor uploads for a dry run: the template file and every local
 * file its steps fetch (`fetch:template`, `fetch:plain` and their `:file` forms), base64.
 */
export function readTemplateDirectory(
  templateFile: string,
  entity: TemplateEntity,
): DirectoryFile[] {
  const root = path.dirname(templateFile);
  const fetched = entity.spec.steps
    .map(step => fetchedPath(step.input?.url))
    .filter((url): url is string => url !== undefined);
  const files = new Set([
    path.basename(templateFile),
    ...fetched.flatMap(url => listFiles(root, url)),
  ]);
  return [...files].sort().map(file => ({
    path: file.split(path.sep).join('/'),
    base64Content: fs.readFileSync(path.join(root, file)).toString('base64'),
  }));
}
