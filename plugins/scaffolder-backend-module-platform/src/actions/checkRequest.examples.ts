import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Check a new service request (the first step of a golden path): name, owner, system and repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'check-request',
          action: 'platform:check-request',
          name: 'Check the request',
          input: {
            name: '${{ parameters.name }}',
            owner: '${{ parameters.owner }}',
            system: '${{ parameters.system }}',
            repoUrl: '${{ parameters.repoUrl }}',
            newEntities: ['component:default/${{ parameters.name }}'],
          },
        },
      ],
    }),
  },
  {
    description:
      'Check an infrastructure request for an existing service: the service must be in the catalog',
    example: yaml.stringify({
      steps: [
        {
          id: 'check-request',
          action: 'platform:check-request',
          name: 'Check the request',
          input: {
            name: 'orders-db',
            owner: 'group:default/checkout-team',
            existingEntities: ['component:default/orders-api'],
          },
        },
      ],
    }),
  },
];
