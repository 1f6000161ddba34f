import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { nameProblems } from '../request/nameRules';
import { parseRepoUrlPickerValue } from '../request/repoUrl';
import { examples } from './checkRequest.examples';

export const CHECK_REQUEST_ACTION_ID = 'platform:check-request';

export interface CheckRequestActionOptions {
  catalog: CatalogService;
  /** Hosts a `repoUrl` may point at (`scaffolder.platform.allowedHosts`). */
  allowedHosts: string[];
}

/** A ref the request names, with where it came from for messages. */
interface Lookup {
  field: string;
  ref: CompoundEntityRef;
  /** `true`: the entity must exist; `false`: it must not exist yet (a name to be created). */
  mustExist: boolean;
}

function parseRef(
  field: string,
  value: string,
  defaultKind: string,
  problems: string[],
): CompoundEntityRef | undefined {
  try {
    return parseEntityRef(value, { defaultKind, defaultNamespace: 'default' });
  } catch (error) {
    problems.push(
      `${field} "${value}" is not an entity reference (${
        (error as Error).message
      })`,
    );
    return undefined;
  }
}

/**
 * `platform:check-request`: the first step of every template. Rejects a bad request — names that
 * would break GitLab or Kubernetes, owners and systems that do not exist, repository hosts the
 * portal does not publish to — with every problem at once, before anything is created.
 */
export function createCheckRequestAction(options: CheckRequestActionOptions) {
  const { catalog, allowedHosts } = options;
  return createTemplateAction({
    id: CHECK_REQUEST_ACTION_ID,
    description:
      'Checks a scaffolder request before anything is created: the name’s format, that the owner (a Group or User), the system and any named entities exist in the catalog, that the entities to be created do not exist yet, and that the repository host is one the portal publishes to. Fails with every problem at once.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string({
              description:
                'Service or resource name: lowercase letters, digits and dashes, starting with a letter, at most 63 characters',
            })
            .optional(),
        owner: z =>
          z
            .string({
              description:
                'Entity ref of the owner; must be a Group or User in the catalog (kind defaults to group)',
            })
            .optional(),
        repoUrl: z =>
          z
            .string({
              description:
                'RepoUrlPicker value `host?owner=group&repo=project`; the host must be allowed, owner and repo follow the name rules',
            })
            .optional(),
        system: z =>
          z
            .string({
              description:
                'Entity ref of the system (kind defaults to system); must exist',
            })
            .optional(),
        existingEntities: z =>
          z
            .array(z.string(), {
              description:
                'Entity refs that must exist (kind defaults to component), e.g. the service an infrastructure request is for',
            })
            .optional(),
        newEntities: z =>
          z
            .array(z.string(), {
              description:
                'Entity refs the template is about to create, which must not exist yet (kind defaults to component), e.g. component:default/<name>',
            })
            .optional(),
      },
      output: {
        ownerRef: z =>
          z
            .string({ description: 'The owner as a full entity ref' })
            .optional(),
        systemRef: z =>
          z
            .string({ description: 'The system as a full entity ref' })
            .optional(),
      },
    },
    async handler(ctx) {
      const { name, owner, repoUrl, system, existingEntities, newEntities } =
        ctx.input;
      const problems: string[] = [];
      const lookups: Lookup[] = [];

      if (name !== undefined) {
        problems.push(...nameProblems(name).map(p => `name "${name}" ${p}`));
      }

      if (repoUrl !== undefined) {
        const parts = parseRepoUrlPickerValue(repoUrl);
        if (!parts) {
          problems.push(
            `repoUrl "${repoUrl}" is not in the form host?owner=group&repo=project`,
          );
        } else {
          if (!allowedHosts.includes(parts.host)) {
            problems.push(
              `repoUrl host "${
                parts.host
              }" is not one the portal publishes to (allowed: ${
                allowedHosts.join(', ') || 'none configured'
              }; scaffolder.platform.allowedHosts)`,
            );
          }
          if (!parts.owner) {
            problems.push(
              `repoUrl "${repoUrl}" has no owner (the GitLab group)`,
            );
          } else {
            for (const segment of parts.owner.split('/')) {
              problems.push(
                ...nameProblems(segment).map(
                  p =>
                    `repoUrl owner "${parts.owner}" (group "${segment}") ${p}`,
                ),
              );
            }
          }
          if (!parts.repo) {
            problems.push(
              `repoUrl "${repoUrl}" has no repo (the project name)`,
            );
          } else {
            problems.push(
              ...nameProblems(parts.repo).map(
                p => `repoUrl repo "${parts.repo}" ${p}`,
              ),
            );
          }
        }
      }

      const ownerRef =
        owner !== undefined
          ? parseRef('owner', owner, 'group', problems)
          : undefined;
      if (ownerRef) {
        if (
          !['group', 'user'].includes(ownerRef.kind.toLocaleLowerCase('en-US'))
        ) {
          problems.push(
            `owner "${owner}" must be a Group or User, not a ${ownerRef.kind}`,
          );
        } else {
          lookups.push({ field: 'owner', ref: ownerRef, mustExist: true });
        }
      }
      const systemRef =
        system !== undefined
          ? parseRef('system', system, 'system', problems)
          : undefined;
      if (systemRef) {
        lookups.push({ field: 'system', ref: systemRef, mustExist: true });
      }
      for (const value of existingEntities ?? []) {
        const ref = parseRef('existingEntities', value, 'component', problems);
        if (ref)
          lookups.push({ field: 'existingEntities', ref, mustExist: true });
      }
      for (const value of newEntities ?? []) {
        const ref = parseRef('newEntities', value, 'component', problems);
        if (ref) lookups.push({ field: 'newEntities', ref, mustExist: false });
      }

      if (lookups.length > 0) {
        // Looked up as the person who asked: an entity they may not see does not exist for them.
        const { items } = await catalog.getEntitiesByRefs(
          {
            entityRefs: lookups.map(l => stringifyEntityRef(l.ref)),
            fields: ['kind', 'metadata.name', 'metadata.namespace'],
          },
          { credentials: await ctx.getInitiatorCredentials() },
        );
        lookups.forEach((lookup, i) => {
          const ref = stringifyEntityRef(lookup.ref);
          if (lookup.mustExist && !items[i]) {
            problems.push(
              `${lookup.field}: ${ref} does not exist in the catalog`,
            );
          }
          if (!lookup.mustExist && items[i]) {
            problems.push(
              `${lookup.field}: ${ref} already exists in the catalog; choose another name`,
            );
          }
        });
      }

      if (problems.length > 0) {
        for (const problem of problems) ctx.logger.error(problem);
        throw new InputError(
          `The request cannot be carried out (${problems.length} problem${
            problems.length === 1 ? '' : 's'
          }); nothing was created:\n${problems.map(p => `- ${p}`).join('\n')}`,
        );
      }
      if (ownerRef) ctx.output('ownerRef', stringifyEntityRef(ownerRef));
      if (systemRef) ctx.output('systemRef', stringifyEntityRef(systemRef));
      ctx.logger.info('The request is valid');
    },
  });
}
