import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { platformRepoUrlPickerFormField } from './formFields';

/** The portal's form fields, added to Backstage's scaffolder plugin. */
export const scaffolderPlatformModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [platformRepoUrlPickerFormField],
});
