import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Validate the whole rendered workspace after the fetch steps and before publishing',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'platform:validate',
          name: 'Validate the rendered files',
        },
      ],
    }),
  },
  {
    description:
      'Validate only the subdirectory that becomes the repository (fetch steps rendered into ./repo)',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'platform:validate',
          name: 'Validate the repository contents',
          input: { path: 'repo' },
        },
      ],
    }),
  },
];
