import fs from 'node:fs';
import {
  ConfigSchema,
  ConfigSourceData,
  ConfigSources,
  loadConfigSchema,
} from '@backstage/config-loader';
import { ConfigReader, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, JsonObject } from '@backstage/types';

/** An environment variable a configuration file asks for with `${NAME}`. */
export interface ConfigVariable {
  name: string;
  /** A key it fills is marked `@visibility secret` by a plugin's config schema. */
  secret: boolean;
  /** Asked for as `${NAME:-fallback}`: the backend starts without it. */
  optional: boolean;
}

/** The files in order, every `${VAR}` replaced with `substitute(VAR)`; no watching. */
async function readConfigFiles(
  files: string[],
  substitute: (name: string) => string,
): Promise<ConfigSourceData[]> {
  const source = ConfigSources.default({
    argv: files.flatMap(file => ['--config', file]),
    env: {},
    watch: false,
    substitutionFunc: async name => substitute(name),
  });
  for await (const { configs } of source.readConfigData()) {
    return configs;
  }
  return [];
}

let backendSchema: Promise<ConfigSchema> | undefined;

/** The config schemas of the backend and every package it depends on, read once. */
function loadBackendSchema(): Promise<ConfigSchema> {
  backendSchema ??= loadConfigSchema({ dependencies: ['backend'] });
  return backendSchema;
}

const MARKER = /<<env:([A-Za-z_][A-Za-z0-9_]*)>>/g;

function variablesIn(value: unknown): Set<string> {
  return new Set(
    [...JSON.stringify(value).matchAll(MARKER)].map(match => match[1]),
  );
}

/**
 * Every environment variable a configuration file asks for, and whether it fills a key the
 * config schemas mark secret: the backend redacts those from its logs, and a deployment must
 * not keep them in a ConfigMap.
 */
export async function readConfigVariables(
  file: string,
): Promise<ConfigVariable[]> {
  const configs = await readConfigFiles([file], name => `<<env:${name}>>`);
  const schema = await loadBackendSchema();
  // Markers stand where numbers are expected too; only the keys' visibility matters here.
  const secretOnly = schema.process(configs, {
    visibility: ['secret'],
    ignoreSchemaErrors: true,
  });
  const all = variablesIn(configs.map(config => config.data));
  const secret = variablesIn(secretOnly.map(config => config.data));
  const text = fs.readFileSync(file, 'utf8');
  return [...all].sort().map(name => ({
    name,
    secret: secret.has(name),
    optional: new RegExp(`\\$\\{\\s*${name}\\s*:-`).test(text),
  }));
}

/** The keys of a configuration file that the config schemas mark secret, as dotted paths. */
export async function secretKeysOf(data: JsonObject): Promise<string[]> {
  const schema = await loadBackendSchema();
  const [secretOnly] = schema.process([{ data, context: 'deployment' }], {
    visibility: ['secret'],
    ignoreSchemaErrors: true,
  });
  const keys: string[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value))
        walk(item, [...path, key]);
    } else {
      keys.push(path.join('.'));
    }
  };
  walk(secretOnly?.data ?? {}, []);
  return keys;
}

/**
 * `backend.lifecycle.serverShutdownDelay` of the files merged in order, in seconds: how long the
 * backend answers with a failing readiness, still serving, before it closes its server.
 * Undefined when no file sets it (the backend then closes at once).
 */
export async function serverShutdownDelaySeconds(
  files: string[],
): Promise<number | undefined> {
  const config = ConfigReader.fromConfigs(
    await readConfigFiles(files, () => 'placeholder'),
  );
  const key = 'backend.lifecycle.serverShutdownDelay';
  if (!config.has(key)) return undefined;
  return durationToMilliseconds(readDurationFromConfig(config, { key })) / 1000;
}
