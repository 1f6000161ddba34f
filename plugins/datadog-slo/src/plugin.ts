import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { datadogSloApi } from './apis';
import { sloCard } from './entityCards';
import { sloContent, sloRollupContent } from './entityContents';

/** SLO card and tab on services, and an SLO rollup tab on systems and groups. */
export const datadogSloPlugin = createFrontendPlugin({
  pluginId: 'datadog-slo',
  extensions: [datadogSloApi, sloCard, sloContent, sloRollupContent],
});
