import path from 'node:path';
import { getReferencesInExpression, parse } from '@cdktf/hcl2json';
import { sortWorkspaceProblems, WorkspaceProblem } from './types';

/** A `.tf` file: its path relative to the workspace and its text. */
export interface TerraformFile {
  file: string;
  text: string;
}

type Blocks = Record<string, any>;

interface ParsedFile extends TerraformFile {
  blocks: Blocks;
}

/**
 * HCL diagnostics as hcl2json reports them: `main.tf:5,7-6,1: Summary; Detail.`, several in
 * one `parse config: [...]` message.
 */
const DIAGNOSTIC =
  /([^\s[\]]+?\.tf):(\d+),(\d+)(?:-\d+(?:,\d+)?)?: (.*?)(?=(?:,? [^\s[\]]+?\.tf:\d+,\d+)|\]?$)/g;

async function parseFile(
  tf: TerraformFile,
): Promise<{ parsed?: ParsedFile; problems: WorkspaceProblem[] }> {
  try {
    return {
      parsed: { ...tf, blocks: await parse(tf.file, tf.text) },
      problems: [],
    };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    const problems = [...message.matchAll(DIAGNOSTIC)].map(m => ({
      file: tf.file,
      line: Number(m[2]),
      message: `HCL syntax error: ${m[4].trim()}`,
    }));
    return {
      problems: problems.length
        ? problems
        : [{ file: tf.file, line: 1, message: `HCL syntax error: ${message}` }],
    };
  }
}

/** Every string in hcl2json's output; expressions come out as `${…}` strings. */
function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsIn(v);
  else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) yield* stringsIn(v);
  }
}

function stripComment(line: string): string {
  return line.replace(/(^|\s)(#|\/\/).*$/, '');
}

/** Lines where a name occurs in the source; hcl2json drops positions once parsed. */
function linesMatching(text: string, pattern: RegExp): number[] {
  return text
    .split('\n')
    .flatMap((line, i) => (pattern.test(stripComment(line)) ? [i + 1] : []));
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function blockLine(text: string, type: string, ...labels: string[]): number {
  const header = [type, ...labels.map(l => `"${escapeRegExp(l)}"`)].join(
    '\\s+',
  );
  return linesMatching(text, new RegExp(`^\\s*${header}\\s*\\{?`))[0] ?? 1;
}

async function referencesIn(
  file: string,
  blocks: Blocks,
): Promise<Set<string>> {
  const refs = new Set<string>();
  for (const s of stringsIn(blocks)) {
    if (!s.includes('${')) continue;
    try {
      for (const ref of await getReferencesInExpression(file, s)) {
        refs.add(ref.value);
      }
    } catch {
      // Not an expression after all (a literal `${` is written `$${`): nothing referenced.
    }
  }
  return refs;
}

const isLocalSource = (source: string) => /^\.\.?\//.test(source);

/**
 * Terraform files parsed by HashiCorp's HCL parser (hcl2json, WASM), then the checks a
 * platform engineer does by eye, per directory (= module), without running Terraform:
 * - every `var.x` used is declared by a `variable "x"` in the same directory; same for `local.x`;
 * - every `module` block has a `source`, and a local source (`./`, `../`) is a directory with
 *   `.tf` files in the workspace;
 * - a root module — a directory that configures a `provider` and is no other module's local
 *   source — declares a `backend`, so its state is not left on the runner that applied it.
 */
export async function checkTerraform(
  files: TerraformFile[],
): Promise<WorkspaceProblem[]> {
  const problems: WorkspaceProblem[] = [];
  const byDir = new Map<string, ParsedFile[]>();
  for (const tf of files) {
    const result = await parseFile(tf);
    problems.push(...result.problems);
    if (result.parsed) {
      const dir = path.posix.dirname(tf.file);
      byDir.set(dir, [...(byDir.get(dir) ?? []), result.parsed]);
    }
  }
  const dirsWithTf = new Set(files.map(f => path.posix.dirname(f.file)));
  const usedAsModule = new Set<string>();

  for (const [dir, parsed] of byDir) {
    const variables = new Set(
      parsed.flatMap(p => Object.keys(p.blocks.variable ?? {})),
    );
    const locals = new Set(
      parsed.flatMap(p =>
        ((p.blocks.locals ?? []) as Blocks[]).flatMap(l => Object.keys(l)),
      ),
    );
    for (const p of parsed) {
      const refs = await referencesIn(p.file, p.blocks);
      for (const ref of refs) {
        const [scope, name] = ref.split('.');
        const declared = { var: variables, local: locals }[scope];
        if (!declared || !name || declared.has(name)) continue;
        const what =
          scope === 'var' ? `variable "${name}"` : `local value "${name}"`;
        const lines = linesMatching(
          p.text,
          new RegExp(`\\b${scope}\\.${escapeRegExp(name)}\\b`),
        );
        for (const line of lines.length ? lines : [1]) {
          problems.push({
            file: p.file,
            line,
            message: `${scope}.${name} is used but no ${what} is declared in ${dir}/`,
          });
        }
      }
      for (const [name, instances] of Object.entries(
        (p.blocks.module ?? {}) as Record<string, Blocks[]>,
      )) {
        for (const block of instances) {
          const line = blockLine(p.text, 'module', name);
          const source = block.source;
          if (typeof source !== 'string' || source === '') {
            problems.push({
              file: p.file,
              line,
              message: `module "${name}" has no source`,
            });
          } else if (isLocalSource(source)) {
            const target = path.posix.normalize(path.posix.join(dir, source));
            usedAsModule.add(target);
            if (!dirsWithTf.has(target)) {
              problems.push({
                file: p.file,
                line:
                  linesMatching(
                    p.text,
                    new RegExp(`source\\s*=\\s*"${escapeRegExp(source)}"`),
                  )[0] ?? line,
                message: `module "${name}" source ${source} is not a directory with .tf files in the repository (looked for ${target}/)`,
              });
            }
          }
        }
      }
    }
  }

  for (const [dir, parsed] of byDir) {
    if (usedAsModule.has(dir)) continue;
    const provider = parsed.find(p => p.blocks.provider);
    if (!provider) continue;
    const hasBackend = parsed.some(p =>
      ((p.blocks.terraform ?? []) as Blocks[]).some(t => t.backend || t.cloud),
    );
    if (!hasBackend) {
      const providerName = Object.keys(provider.blocks.provider)[0];
      problems.push({
        file: provider.file,
        line: blockLine(provider.text, 'provider', providerName),
        message: `${dir}/ is a root module (it configures provider "${providerName}" and no module uses it) but declares no backend: add terraform { backend "…" { … } } so its state is shared and kept`,
      });
    }
  }
  return sortWorkspaceProblems(problems);
}
