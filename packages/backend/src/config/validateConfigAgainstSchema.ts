import { loadConfigSchema } from '@backstage/config-loader';
import { getPackages } from '@manypkg/get-packages';
import type { AppConfig } from '@backstage/config';

/**
 * Validates the merged configuration against the `config.d.ts` schemas of every package in the
 * workspace and its dependencies, the same schemas `backstage-cli config:check` uses.
 * Returns one readable line per problem, each naming the key.
 */
export async function validateConfigAgainstSchema(
  configs: AppConfig[],
  options: { dir: string; onSchemaWarning: (message: string) => void },
): Promise<string[]> {
  const { packages } = await getPackages(options.dir);
  const schema = await loadConfigSchema({
    dependencies: packages.map(p => p.packageJson.name),
    onSchemaError: error => options.onSchemaWarning(error.message),
  });
  try {
    schema.process(configs, { visibility: ['frontend', 'backend', 'secret'] });
    return [];
  } catch (error) {
    const messages: unknown = (error as { messages?: unknown }).messages;
    return Array.isArray(messages)
      ? messages.map(m => describeSchemaProblem(String(m)))
      : [String(error)];
  }
}

/**
 * Turns "Config must have required property 'clientId' { missingProperty=clientId } at
 * /auth/providers/gitlab/production" into
 * "auth.providers.gitlab.production.clientId: must have required property 'clientId'".
 */
export function describeSchemaProblem(message: string): string {
  const match = message.match(/^Config (.*?)(?: \{([^}]*)\})? at (\S*)$/);
  if (!match) return message;
  const [, problem, details = '', pointer] = match;
  const path = pointer.split('/').filter(Boolean);
  const missing = details.match(/missingProperty=([^,\s]+)/)?.[1];
  if (missing) path.push(missing);
  const extra = details.match(/additionalProperty=([^,\s]+)/)?.[1];
  if (extra) path.push(extra);
  return `${path.join('.') || '(root)'}: ${problem}${
    details && !missing && !extra ? ` (${details})` : ''
  }`;
}
