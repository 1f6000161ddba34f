import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { sloCard } from './entityCards';
import { sloContent, sloRollupContent } from './entityContents';
import { datadogSloPlugin } from './plugin';

const entity = (kind: string, type?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: type ? { type } : {},
});

describe('datadogSloPlugin', () => {
  it('provides the extensions under the ids the app configures', () => {
    for (const id of [
      'api:datadog-slo',
      'entity-card:datadog-slo/slos',
      'entity-content:datadog-slo/slos',
      'entity-content:datadog-slo/slo-rollup',
    ] as const) {
      expect(datadogSloPlugin.getExtension(id)).toBeDefined();
    }
  });

  it('shows the card and the SLO tab on services only', () => {
    const filters = [
      createExtensionTester(sloCard).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      )!,
      createExtensionTester(sloContent).get(
        EntityContentBlueprint.dataRefs.filterFunction,
      )!,
    ];
    for (const filter of filters) {
      expect(filter(entity('Component', 'service'))).toBe(true);
      expect(filter(entity('Component', 'library'))).toBe(false);
      expect(filter(entity('System'))).toBe(false);
    }
  });

  it('shows the rollup tab on systems and groups', () => {
    const filter = createExtensionTester(sloRollupContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(entity('System'))).toBe(true);
    expect(filter(entity('Group'))).toBe(true);
    expect(filter(entity('Component', 'service'))).toBe(false);
  });
});
