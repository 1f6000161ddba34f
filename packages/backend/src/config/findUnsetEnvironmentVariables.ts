import {
  ConfigSourceData,
  ConfigSources,
  EnvFunc,
} from '@backstage/config-loader';
import { JsonValue } from '@backstage/types';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';

/** A configuration key whose value needs an environment variable that is not set. */
export interface UnsetEnvironmentVariable {
  /** Dotted key path, e.g. `backend.database.connection.host`. */
  key: string;
  /** The variable named in `${...}`. */
  variable: string;
  /** The file that asked for it. */
  source: string;
}

export interface ConfigReadOptions {
  argv: string[];
  env: Record<string, string | undefined>;
}

/** `${VAR}` substitution from the given environment, trimmed, blank counting as unset. */
export function substituteFrom(
  env: Record<string, string | undefined>,
): EnvFunc {
  return async name => env[name]?.trim() || undefined;
}

/** Reads every config source once (no watching) and returns the raw, substituted data. */
export async function readConfigOnce(
  options: ConfigReadOptions,
  substitutionFunc: EnvFunc,
): Promise<ConfigSourceData[]> {
  const source = ConfigSources.default({
    argv: options.argv,
    env: options.env,
    substitutionFunc,
  });
  for await (const { configs } of source.readConfigData()) {
    return configs;
  }
  return [];
}

function* walk(
  value: JsonValue | undefined,
  path: string[],
): Generator<[string[], JsonValue]> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      yield* walk(item, [...path, String(index)]);
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield* walk(item, [...path, key]);
    }
  } else if (value !== undefined) {
    yield [path, value];
  }
}

function valueAt(value: JsonValue | undefined, path: string[]) {
  let current: JsonValue | undefined = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, JsonValue>)[segment];
  }
  return current;
}

/** Whether the config file asks for `variable` with an empty fallback: `${VAR:-}`. */
function isOptional(file: string | undefined, variable: string): boolean {
  if (!file || !fs.existsSync(file)) return false;
  const escaped = variable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\$\\{\\s*${escaped}\\s*:-\\s*\\}`).test(
    fs.readFileSync(file, 'utf8'),
  );
}

/**
 * Reads the configuration the way the backend does and reports every `${VAR}` substitution
 * whose variable is unset and has no `${VAR:-fallback}`. Also returns what was read, so callers
 * can validate it without reading the files again.
 *
 * Backstage's loader silently drops such values, so a production portal missing, say,
 * POSTGRES_HOST would start and talk to a default instead of failing. The loader does not say
 * where a substitution happened, so a second read marks the unset variables with a sentinel and
 * looks for it; keys that still got a value in the first read (a fallback applied) are not reported.
 * An empty fallback, `${VAR:-}`, marks a value as optional: left out when VAR is unset, as the
 * loader does, and not reported (the loader itself cannot tell it from `${VAR}`).
 */
export async function findUnsetEnvironmentVariables(
  options: ConfigReadOptions,
): Promise<{
  configs: ConfigSourceData[];
  unset: UnsetEnvironmentVariable[];
  /** Optional values (`${VAR:-}`) whose variable is unset. */
  optionalUnset: UnsetEnvironmentVariable[];
}> {
  const unset = new Set<string>();
  const substitute = substituteFrom(options.env);
  const firstRead = await readConfigOnce(options, async name => {
    const value = await substitute(name);
    if (value === undefined) unset.add(name);
    return value;
  });
  if (unset.size === 0) {
    return { configs: firstRead, unset: [], optionalUnset: [] };
  }

  // A per-call random token cannot collide with real configuration text.
  const token = randomUUID();
  const marker = (name: string) => `<${token}:${name}>`;
  const markerPattern = new RegExp(`<${token}:([^>]+)>`, 'g');
  const markedRead = await readConfigOnce(options, async name =>
    unset.has(name) ? marker(name) : substitute(name),
  );

  const found: UnsetEnvironmentVariable[] = [];
  const optionalUnset: UnsetEnvironmentVariable[] = [];
  markedRead.forEach((config, index) => {
    for (const [path, value] of walk(config.data, [])) {
      if (typeof value !== 'string' || !value.includes(token)) continue;
      if (valueAt(firstRead[index]?.data, path) !== undefined) continue;
      for (const match of value.matchAll(markerPattern)) {
        const entry = {
          key: path.join('.'),
          variable: match[1],
          source: config.path ?? config.context,
        };
        (isOptional(config.path, match[1]) ? optionalUnset : found).push(entry);
      }
    }
  });
  return { configs: firstRead, unset: found, optionalUnset };
}
