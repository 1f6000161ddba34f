import fs from 'node:fs/promises';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { GitlabCiSchema } from '../workspace/ciSchema';
import { formatWorkspaceProblem } from '../workspace/types';
import { inspectWorkspace } from '../workspace/validateWorkspace';
import { examples } from './validate.examples';

export const VALIDATE_ACTION_ID = 'platform:validate';

export interface ValidateActionOptions {
  catalog: CatalogService;
  gitlabCiSchema: GitlabCiSchema;
  kubernetesKindsWithoutSchema: string[];
}

/**
 * `platform:validate`: checks the rendered workspace before anything is published, and fails the
 * task with every problem at once, each as `file:line: message`.
 */
export function createValidateAction(options: ValidateActionOptions) {
  const { catalog, gitlabCiSchema, kubernetesKindsWithoutSchema } = options;
  return createTemplateAction({
    id: VALIDATE_ACTION_ID,
    description:
      'Validates the rendered workspace before it is published: .gitlab-ci.yml against GitLab’s CI schema, Terraform (HCL syntax, undeclared variables, module sources, backends), Kubernetes, Argo CD, External Secrets and kustomize manifests against their schemas, and catalog-info.yaml through the catalog’s own validators. Fails with every problem as file:line: message.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string({
              description:
                'Subdirectory of the workspace to validate (the repository root that will be published). Default: the workspace itself.',
            })
            .optional(),
      },
      output: {
        checkedFiles: z =>
          z.array(z.string(), {
            description: 'The files that were checked, relative to `path`',
          }),
      },
    },
    async handler(ctx) {
      const relative = ctx.input.path ?? '.';
      // Throws NotAllowedError for `../` and absolute paths outside the workspace.
      const dir = resolveSafeChildPath(ctx.workspacePath, relative);
      const stat = await fs.stat(dir).catch(() => undefined);
      if (!stat?.isDirectory()) {
        throw new InputError(
          `${VALIDATE_ACTION_ID}: path "${relative}" is not a directory of the workspace; did the fetch steps render into another one?`,
        );
      }
      const credentials = await ctx.getInitiatorCredentials();
      const { problems, checkedFiles } = await inspectWorkspace(dir, {
        gitlabCiSchema,
        kubernetesKindsWithoutSchema,
        catalog: {
          validateEntity: (entity, locationRef) =>
            catalog.validateEntity(entity, locationRef, { credentials }),
        },
      });
      ctx.output('checkedFiles', checkedFiles);
      if (problems.length === 0) {
        ctx.logger.info(
          `Checked ${checkedFiles.length} files in ${relative}: no problems`,
        );
        return;
      }
      const lines = problems.map(formatWorkspaceProblem);
      for (const line of lines) ctx.logger.error(line);
      throw new InputError(
        `The rendered files have ${problems.length} problem${
          problems.length === 1 ? '' : 's'
        }; nothing was published:\n${lines.join('\n')}`,
      );
    },
  });
}
