import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, Node, parseDocument } from 'yaml';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { WorkspaceProblem } from '@internal/plugin-scaffolder-backend-module-platform';
import { ciTemplatesDir, repoRoot } from './repoPaths';
import { FileTree } from './snapshot';

/** The project every generated pipeline includes its jobs from. */
export const CI_TEMPLATES_PROJECT = 'platform/ci-templates';

// Top-level keys of a .gitlab-ci.yml that are not jobs.
const GLOBAL_KEYWORDS = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'spec',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
]);

interface Include {
  kind: 'local' | 'ci-templates' | 'other';
  file: string;
  line: number;
}

interface ParsedCiFile {
  jobs: Map<string, { extends: string[]; line: number }>;
  includes: Include[];
  error?: string;
}

function parseCiFile(text: string): ParsedCiFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (node: unknown) => {
    const range = (node as Node | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    return {
      jobs: new Map(),
      includes: [],
      error: doc.errors[0]?.message ?? 'not a YAML map',
    };
  }
  const jobs: ParsedCiFile['jobs'] = new Map();
  for (const pair of doc.contents.items) {
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (GLOBAL_KEYWORDS.has(name)) continue;
    const extendsNode = isMap(pair.value)
      ? pair.value.get('extends', true)
      : undefined;
    const value = extendsNode?.toJSON();
    jobs.set(name, {
      extends: value === undefined ? [] : [value].flat().map(String),
      line: lineOf(extendsNode ?? pair.key),
    });
  }
  const includeNode = doc.contents.get('include', true);
  const entries = [(includeNode as Node | undefined)?.toJSON() ?? []].flat();
  const includes = entries.flatMap((entry: unknown): Include[] => {
    const line = lineOf(includeNode);
    if (typeof entry === 'string') {
      return /^https?:/.test(entry)
        ? []
        : [{ kind: 'local', file: entry, line }];
    }
    const map = entry as Record<string, unknown>;
    if (typeof map.local === 'string') {
      return [{ kind: 'local', file: map.local, line }];
    }
    if (map.project === CI_TEMPLATES_PROJECT) {
      return [map.file ?? []].flat().map(file => ({
        kind: 'ci-templates' as const,
        file: String(file),
        line,
      }));
    }
    return [{ kind: 'other', file: JSON.stringify(map), line }];
  });
  return { jobs, includes };
}

const relativeToRepo = (file: string) => path.relative(repoRoot, file);

/** The hidden jobs `platform/ci-templates` defines in `files`, following its own includes. */
function ciTemplatesJobs(
  root: string,
  files: string[],
  findings: string[],
  seen = new Set<string>(),
): Set<string> {
  const jobs = new Set<string>();
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    const full = resolveSafeChildPath(root, file.replace(/^\/+/, ''));
    if (!fs.existsSync(full)) {
      findings.push(`${file} is not in ${relativeToRepo(root)}`);
      continue;
    }
    const parsed = parseCiFile(fs.readFileSync(full, 'utf8'));
    if (parsed.error) {
      findings.push(`${relativeToRepo(full)} does not parse: ${parsed.error}`);
    }
    parsed.jobs.forEach((_job, name) => name.startsWith('.') && jobs.add(name));
    const nested = parsed.includes
      .filter(i => i.kind !== 'other')
      .map(i => i.file);
    ciTemplatesJobs(root, nested, findings, seen).forEach(job => jobs.add(job));
  }
  return jobs;
}

/**
 * Checks that every `extends:` of every generated `.gitlab-ci.yml` names a job defined in the
 * pipeline itself (or a local include) or a hidden job of the `platform/ci-templates` files it
 * includes, read from the CI templates project this repository produces.
 */
export function ciExtendsFindings(
  rendered: FileTree,
  ciTemplatesRoot = ciTemplatesDir,
): WorkspaceProblem[] {
  const findings: WorkspaceProblem[] = [];
  for (const [file, content] of rendered) {
    if (path.posix.basename(file) !== '.gitlab-ci.yml') continue;
    const pipeline = parseCiFile(content.toString('utf8'));
    if (pipeline.error) {
      findings.push({
        file,
        line: 1,
        message: `does not parse: ${pipeline.error}`,
      });
      continue;
    }
    const defined = new Set(pipeline.jobs.keys());
    for (const include of pipeline.includes.filter(i => i.kind === 'local')) {
      const local = rendered.get(include.file.replace(/^\/+/, ''));
      parseCiFile(local?.toString('utf8') ?? '').jobs.forEach((_j, name) =>
        defined.add(name),
      );
    }
    const templateFiles = pipeline.includes
      .filter(i => i.kind === 'ci-templates')
      .map(i => i.file);
    const missingProject =
      templateFiles.length > 0 && !fs.existsSync(ciTemplatesRoot);
    const problems: string[] = [];
    const provided = missingProject
      ? new Set<string>()
      : ciTemplatesJobs(ciTemplatesRoot, templateFiles, problems);
    const includeLine = pipeline.includes[0]?.line ?? 1;
    for (const problem of problems) {
      findings.push({
        file,
        line: includeLine,
        message: `includes ${CI_TEMPLATES_PROJECT}, but ${problem}`,
      });
    }
    for (const [job, { extends: parents, line }] of pipeline.jobs) {
      for (const parent of parents) {
        if (defined.has(parent) || provided.has(parent)) continue;
        const searched = templateFiles.length
          ? `${CI_TEMPLATES_PROJECT} (${templateFiles.join(', ')})`
          : 'no included file';
        findings.push({
          file,
          line,
          message: missingProject
            ? `job "${job}" extends "${parent}", but ${CI_TEMPLATES_PROJECT} is not in this repository yet (${relativeToRepo(
                ciTemplatesRoot,
              )} is missing)`
            : `job "${job}" extends "${parent}", which is not a hidden job of ${searched} nor a job of this pipeline`,
        });
      }
    }
  }
  return findings;
}
