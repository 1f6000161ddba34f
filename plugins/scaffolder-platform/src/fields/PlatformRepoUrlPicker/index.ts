import { RepoUrlPickerFieldSchema } from '@backstage/plugin-scaffolder';
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { PlatformRepoUrlPicker } from './PlatformRepoUrlPicker';
import { platformRepoUrlPickerValidation } from './validation';

/** `ui:field: PlatformRepoUrlPicker`: RepoUrlPicker with the portal's allowed hosts. */
export const platformRepoUrlPickerField = createFormField({
  name: 'PlatformRepoUrlPicker',
  component: PlatformRepoUrlPicker,
  validation: platformRepoUrlPickerValidation,
  schema: RepoUrlPickerFieldSchema,
});
