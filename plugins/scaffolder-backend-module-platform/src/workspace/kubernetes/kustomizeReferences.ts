import path from 'node:path';
import { WorkspaceProblem } from '../types';
import { YamlSourceDocument } from '../yamlSource';

/** Remote bases (`github.com/org/repo//dir?ref=v1`, `https://…`) are not checked. */
function isRemote(reference: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) ||
    /^[\w.-]+\.[a-z]{2,}\//i.test(reference) ||
    reference.includes('?ref=')
  );
}

/**
 * Local paths a Kustomization names (resources, components, patch files) must exist, or
 * `kustomize build` — and so the Argo CD sync — fails. Cheaper to say now than after publishing.
 */
export function checkKustomizeReferences(
  file: string,
  document: YamlSourceDocument,
  manifest: Record<string, unknown>,
  exists: (workspacePath: string) => boolean,
): WorkspaceProblem[] {
  const dir = path.posix.dirname(file);
  const references: Array<{ pointer: string; value: unknown }> = [];
  for (const field of [
    'resources',
    'components',
    'bases',
    'crds',
    'patchesStrategicMerge',
  ]) {
    const list = manifest[field];
    if (Array.isArray(list)) {
      list.forEach((value, i) =>
        references.push({ pointer: `/${field}/${i}`, value }),
      );
    }
  }
  for (const field of ['patches', 'patchesJson6902']) {
    const list = manifest[field];
    if (Array.isArray(list)) {
      list.forEach((value, i) =>
        references.push({
          pointer: `/${field}/${i}/path`,
          value: (value as { path?: unknown } | null)?.path,
        }),
      );
    }
  }
  const problems: WorkspaceProblem[] = [];
  for (const { pointer, value } of references) {
    if (typeof value !== 'string' || value === '' || isRemote(value)) continue;
    // An inline strategic-merge patch is YAML text, not a path.
    if (pointer.startsWith('/patchesStrategicMerge') && value.includes('\n'))
      continue;
    const target = path.posix.normalize(path.posix.join(dir, value));
    if (target.startsWith('../') || target === '..') {
      problems.push({
        file,
        line: document.lineOf(pointer),
        message: `${value} points outside the repository`,
      });
    } else if (!exists(target)) {
      problems.push({
        file,
        line: document.lineOf(pointer),
        message: `${value} does not exist (looked for ${target}); kustomize build would fail`,
      });
    }
  }
  return problems;
}
