import { useMemo } from 'react';
import { WarningPanel } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  RepoUrlPickerFieldExtension,
  RepoUrlPickerFieldSchema,
} from '@backstage/plugin-scaffolder';
import {
  type FieldExtensionOptions,
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import { pickerHosts, readPlatformAllowedHosts } from './allowedHosts';

export type PlatformRepoUrlPickerProps = typeof RepoUrlPickerFieldSchema.TProps;
/** RepoUrlPicker's `ui:options` (allowedHosts, allowedOwners, allowedRepos…). */
export type RepoUrlPickerUiOptions = NonNullable<
  PlatformRepoUrlPickerProps['uiSchema']['ui:options']
>;

// Backstage's RepoUrlPicker component is not exported on its own; its published field extension
// carries it. Taking it from there keeps this picker exactly Backstage's apart from the hosts.
const stockFieldExtensions = (
  <ScaffolderFieldExtensions>
    <RepoUrlPickerFieldExtension />
  </ScaffolderFieldExtensions>
);

function noHostMessage(platformHosts: string[], templateHosts?: string[]) {
  const platform = `The portal publishes to ${
    platformHosts.join(', ') || 'no host'
  } (scaffolder.platform.allowedHosts)`;
  return templateHosts
    ? `${platform}; this template allows ${templateHosts.join(', ') || 'none'}.`
    : `${platform}.`;
}

/**
 * Backstage's RepoUrlPicker with `ui:options.allowedHosts` from the portal's configuration
 * (`scaffolder.platform.allowedHosts`), narrowed by the template's own `allowedHosts` if it has
 * any. Every other option (allowedOwners, allowedRepos, requestUserCredentials…) passes through.
 */
export function PlatformRepoUrlPicker(props: PlatformRepoUrlPickerProps) {
  const { uiSchema } = props;
  const config = useApi(configApiRef);
  const [{ component: RepoUrlPicker }] =
    useCustomFieldExtensions<
      FieldExtensionOptions<string, RepoUrlPickerUiOptions>
    >(stockFieldExtensions);

  const platformHosts = useMemo(
    () => readPlatformAllowedHosts(config),
    [config],
  );
  const templateHosts = uiSchema?.['ui:options']?.allowedHosts;
  const hosts = useMemo(
    () => pickerHosts(platformHosts, templateHosts),
    [platformHosts, templateHosts],
  );
  const hostsUiSchema = useMemo(
    () => ({
      ...uiSchema,
      'ui:options': { ...uiSchema?.['ui:options'], allowedHosts: hosts },
    }),
    [uiSchema, hosts],
  );

  // RepoUrlPicker would show an empty host list and fail validation without saying why.
  if (hosts.length === 0) {
    return (
      <WarningPanel
        severity="error"
        title="No repository host is allowed here"
        message={noHostMessage(platformHosts, templateHosts)}
      />
    );
  }
  return <RepoUrlPicker {...props} uiSchema={hostsUiSchema} />;
}
