import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigSources, StaticConfigSource } from '@backstage/config-loader';
import { JsonObject } from '@backstage/types';
import {
  findUnsetEnvironmentVariables,
  substituteFrom,
} from './findUnsetEnvironmentVariables';
import { validateConfigAgainstSchema } from './validateConfigAgainstSchema';

export class InvalidConfigError extends Error {
  readonly name = 'InvalidConfigError';
  declare readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `The portal's configuration is invalid; fix these keys and start again:\n${problems
        .map(p => `  - ${p}`)
        .join('\n')}`,
    );
    // Not enumerable: Node prints an error's own enumerable fields after the message, which
    // would show every problem a second time.
    Object.defineProperty(this, 'problems', { value: problems });
  }
}

/**
 * Reads the configuration from `--config` arguments and the environment, and fails with every
 * problem at once, each naming its key, when a `${VAR}` is unset or a value breaks a plugin's
 * schema. Returns the same watched configuration the default root config service returns.
 */
export async function loadStrictRootConfig(options: {
  argv: string[];
  env: Record<string, string | undefined>;
  dir: string;
  warn: (message: string) => void;
  /** Reload when config files change (the default service does); tests turn it off. */
  watch?: boolean;
}) {
  const { configs, unset, optionalUnset } = await findUnsetEnvironmentVariables(
    options,
  );
  const problems = unset.map(
    u =>
      `${u.key}: environment variable ${u.variable} is not set (asked for in ${u.source})`,
  );
  // Schema errors are only meaningful once every value is present.
  if (problems.length === 0) {
    problems.push(
      ...(await validateConfigAgainstSchema(configs, {
        dir: options.dir,
        onSchemaWarning: options.warn,
      })),
    );
  }
  if (problems.length > 0) throw new InvalidConfigError(problems);

  const source = ConfigSources.default({
    argv: options.argv,
    env: options.env,
    watch: options.watch,
    substitutionFunc: substituteFrom(options.env),
  });
  if (optionalUnset.length === 0) {
    return ConfigSources.toConfig(source);
  }
  // An optional value left out would let an earlier file's value show through (production over
  // development: the sandbox's Datadog keys); null hides it, so the key reads as unset.
  return ConfigSources.toConfig(
    ConfigSources.merge([
      source,
      StaticConfigSource.create({
        data: nullsAt(optionalUnset.map(u => u.key)),
        context: 'optional environment variables that are unset',
      }),
    ]),
  );
}

/** `{ a: { b: null } }` for the key `a.b`, for every key. */
function nullsAt(keys: string[]): JsonObject {
  const data: JsonObject = {};
  for (const key of keys) {
    const parts = key.split('.');
    let node = data;
    for (const part of parts.slice(0, -1)) {
      node = (node[part] ??= {}) as JsonObject;
    }
    node[parts[parts.length - 1]] = null;
  }
  return data;
}

/** Replaces the default root config service with one that refuses invalid configuration. */
export const strictRootConfigServiceFactory = createServiceFactory({
  service: coreServices.rootConfig,
  deps: {},
  async factory() {
    return loadStrictRootConfig({
      argv: process.argv,
      env: process.env,
      dir: process.cwd(),
      // The root logger depends on config, so schema warnings can only go to the console here.
      warn: message => console.warn(`config schema: ${message}`),
    });
  },
});
