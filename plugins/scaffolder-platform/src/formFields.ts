import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** `scaffolder-form-field:scaffolder/platform-repo-url-picker` (`ui:field: PlatformRepoUrlPicker`). */
export const platformRepoUrlPickerFormField = FormFieldBlueprint.make({
  name: 'platform-repo-url-picker',
  params: {
    field: () =>
      import('./fields/PlatformRepoUrlPicker').then(
        m => m.platformRepoUrlPickerField,
      ),
  },
});
