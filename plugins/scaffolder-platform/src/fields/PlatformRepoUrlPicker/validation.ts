import { configApiRef } from '@backstage/frontend-plugin-api';
import { repoPickerValidation } from '@backstage/plugin-scaffolder';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { pickerHosts, readPlatformAllowedHosts } from './allowedHosts';
import type { RepoUrlPickerUiOptions } from './PlatformRepoUrlPicker';

function hostOf(repoUrl: string | undefined): string | undefined {
  // RepoUrlPicker leaves the value unset until a host is chosen.
  if (!repoUrl) return undefined;
  try {
    return new URL(`https://${repoUrl}`).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * RepoUrlPicker's own validation (owner, repo… per host type), and the host must be one the
 * picker offers: a value can also come from a template default or the page's `formData` query.
 */
export const platformRepoUrlPickerValidation: CustomFieldValidator<
  string,
  RepoUrlPickerUiOptions
> = (value, validation, context) => {
  repoPickerValidation(value, validation, context);

  const host = hostOf(value);
  const config = context.apiHolder.get(configApiRef);
  if (!host || !config) return;
  const hosts = pickerHosts(
    readPlatformAllowedHosts(config),
    context.uiSchema?.['ui:options']?.allowedHosts,
  );
  if (!hosts.includes(host)) {
    validation.addError(
      `The portal does not publish to ${host} (allowed: ${
        hosts.join(', ') || 'none'
      }; scaffolder.platform.allowedHosts)`,
    );
  }
};
