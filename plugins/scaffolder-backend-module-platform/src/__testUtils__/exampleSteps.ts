import Ajv from 'ajv';
import { JsonObject } from '@backstage/config';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

interface ExampleStep {
  id: string;
  action: string;
  name?: string;
  input?: JsonObject;
}

/**
 * The steps of each of an action's examples, checked the way the scaffolder checks a step: it
 * names this action and its input fits the action's input schema. `render` fills in the
 * `${{ … }}` expressions a real template would have rendered by then.
 */
export function exampleSteps(
  action: TemplateAction<any, any, any>,
  render: (value: string) => string = value => value,
): Array<{ description: string; step: ExampleStep }> {
  const validateInput = new Ajv({ strict: false }).compile(
    action.schema?.input ?? {},
  );
  return (action.examples ?? []).map(example => {
    const { steps } = yaml.parse(example.example) as { steps: ExampleStep[] };
    const step = steps.find(s => s.action === action.id);
    if (!step)
      throw new Error(
        `example "${example.description}" does not use ${action.id}`,
      );
    const input: JsonObject = JSON.parse(
      JSON.stringify(step.input ?? {}),
      (_key, value) => (typeof value === 'string' ? render(value) : value),
    );
    if (!validateInput(input)) {
      throw new Error(
        `example "${
          example.description
        }" has input the schema rejects: ${JSON.stringify(
          validateInput.errors,
        )}`,
      );
    }
    return { description: example.description, step: { ...step, input } };
  });
}
