import { TemplateEntity } from './discoverTemplates';

/** Template types whose output is deployed or run, so must be validated before publishing. */
export const VALIDATED_TYPES = ['service', 'pipeline'];

export const VALIDATE_ACTION = 'platform:validate';

/**
 * Why a template breaks the house rule that service and pipeline templates validate what they
 * render before anything leaves the scaffolder, or undefined when it keeps it.
 */
export function missingValidateStep(
  entity: TemplateEntity,
): string | undefined {
  if (!VALIDATED_TYPES.includes(entity.spec.type ?? '')) return undefined;
  const actions = entity.spec.steps.map(step => step.action);
  const validate = actions.indexOf(VALIDATE_ACTION);
  const publish = actions.findIndex(action => action.startsWith('publish:'));
  if (validate < 0) {
    return `${entity.metadata.name} (type ${entity.spec.type}) has no ${VALIDATE_ACTION} step: add one after the fetch steps, before publishing`;
  }
  if (publish >= 0 && publish < validate) {
    return `${entity.metadata.name} runs ${VALIDATE_ACTION} (step ${
      validate + 1
    }) after ${actions[publish]} (step ${
      publish + 1
    }): validate before publishing`;
  }
  return undefined;
}
