import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Welcome to the Platform Portal

One place to find every service, create new ones from golden paths, and see what runs where.

- **[Catalog](/catalog)**: services, pipelines, infrastructure and environments with their owners.
- **[Create](/create)**: golden-path templates that produce a repository with GitLab CI,
  Terraform and Argo CD manifests, published to GitLab and registered here.
- **Service pages**: GitLab pipelines, Argo CD sync and health, and Kubernetes workloads, shown
  for each service that carries the matching annotation.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting Started',
    description: 'What the portal offers and where to start',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
