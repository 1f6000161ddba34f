import { ApiBlueprint, type AppTreeApi } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import type { ScaffolderFormFieldsApi } from '@backstage/plugin-scaffolder-react/alpha';
import { platformRepoUrlPickerFormField } from './formFields';
import { scaffolderPlatformModule } from './module';

// No page:scaffolder in the tree: the form-fields API then offers only its attached fields.
const emptyAppTree = {
  getTree: () => ({ tree: { nodes: new Map() } }),
} as unknown as AppTreeApi;

describe('scaffolderPlatformModule', () => {
  it('is a module of the scaffolder plugin', () => {
    expect(scaffolderPlatformModule.pluginId).toBe('scaffolder');
  });

  it("offers PlatformRepoUrlPicker through the scaffolder's form-fields API", async () => {
    const tester = createExtensionTester(
      scaffolderPlugin.getExtension('api:scaffolder/form-fields'),
    ).add(platformRepoUrlPickerFormField);
    const formFieldsApi = tester
      .get(ApiBlueprint.dataRefs.factory)
      .factory({ appTreeApi: emptyAppTree }) as ScaffolderFormFieldsApi;

    // The name is what templates put in `ui:field`.
    expect(await formFieldsApi.loadFormFields()).toEqual([
      expect.objectContaining({ name: 'PlatformRepoUrlPicker' }),
    ]);
  });
});
