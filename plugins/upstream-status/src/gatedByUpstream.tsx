import {
  coreExtensionData,
  ExtensionDataContainer,
  ExtensionDataValue,
} from '@backstage/frontend-plugin-api';
import { UpstreamKind } from './api/types';
import { UpstreamGate } from './components/UpstreamGate';

/**
 * An extension `override({ factory })` that wraps the extension's element in an
 * {@link UpstreamGate}, leaving every other output (path, filter, title) as it was.
 *
 * @example
 * gitlabPlugin.getExtension('entity-card:gitlab/pipelines-table')
 *   .override({ factory: gatedByUpstream('gitlab') })
 */
export function gatedByUpstream(kind: UpstreamKind) {
  return function* gatedFactory(
    originalFactory: () => ExtensionDataContainer<any>,
  ): Iterable<ExtensionDataValue<any, any>> {
    for (const output of originalFactory()) {
      yield output.id === coreExtensionData.reactElement.id
        ? coreExtensionData.reactElement(
            <UpstreamGate kind={kind}>
              {output.value as JSX.Element}
            </UpstreamGate>,
          )
        : output;
    }
  };
}
