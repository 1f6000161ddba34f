import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Register the repository publish:gitlab just created; a failure says what to register or delete',
    example: yaml.stringify({
      steps: [
        {
          id: 'register',
          action: 'platform:catalog:register',
          name: 'Register in the catalog',
          input: {
            repoContentsUrl: "${{ steps['publish'].output.repoContentsUrl }}",
            remoteUrl: "${{ steps['publish'].output.remoteUrl }}",
            catalogInfoPath: '/catalog-info.yaml',
          },
        },
      ],
    }),
  },
];
