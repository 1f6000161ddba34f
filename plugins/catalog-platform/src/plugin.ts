import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  componentPipelinesCard,
  environmentDetailsCard,
  environmentPipelinesCard,
  environmentServicesCard,
  pipelineBuildsCard,
  pipelineDetailsCard,
  pipelineEnvironmentsCard,
} from './entityCards';

/** Entity page cards of the Pipeline and Environment kinds, and a component's pipelines. */
export const catalogPlatformPlugin = createFrontendPlugin({
  pluginId: 'catalog-platform',
  extensions: [
    pipelineDetailsCard,
    pipelineBuildsCard,
    pipelineEnvironmentsCard,
    environmentDetailsCard,
    environmentServicesCard,
    environmentPipelinesCard,
    componentPipelinesCard,
  ],
});
