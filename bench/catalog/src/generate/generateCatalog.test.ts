import {
  Entity,
  KindValidator,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { PlatformKindsProcessor } from '@internal/plugin-catalog-backend-module-platform';
import { generateCatalog } from './generateCatalog';
import { countByKind } from './writeCatalog';

const stockValidators: KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
];
const platformKinds = new PlatformKindsProcessor();

async function isValid(entity: Entity): Promise<boolean> {
  for (const validator of stockValidators) {
    if (await validator.check(entity)) return true;
  }
  return platformKinds.validateEntityKind(entity);
}

/** Every entity ref an entity's spec points at, with the kind each field defaults to. */
function referencedRefs(entity: Entity): string[] {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const fields: Array<[string, string]> = [
    ['owner', 'group'],
    ['system', 'system'],
    ['domain', 'domain'],
    ['parent', 'group'],
    ['memberOf', 'group'],
    ['dependsOn', 'component'],
    ['providesApis', 'api'],
    ['consumesApis', 'api'],
    ['builds', 'component'],
    ['deploys', 'component'],
    ['deploysTo', 'environment'],
    ['promotesTo', 'environment'],
    ['clusters', 'resource'],
  ];
  return fields.flatMap(([field, defaultKind]) =>
    [spec[field] ?? []]
      .flat()
      .map(ref =>
        stringifyEntityRef(parseEntityRef(String(ref), { defaultKind })),
      ),
  );
}

describe('generateCatalog', () => {
  it.each([200, 1_000, 10_000])('generates exactly %i entities', count => {
    const catalog = generateCatalog({ count, flavour: 'platform' });
    const entities = catalog.files.flatMap(file => file.entities);
    expect(entities).toHaveLength(count);
    expect(new Set(entities.map(e => stringifyEntityRef(e))).size).toBe(count);
  });

  it('models every kind with a realistic mix at 10,000 entities', () => {
    const counts = countByKind(
      generateCatalog({ count: 10_000, flavour: 'platform' }),
    );
    expect(Object.keys(counts).sort()).toEqual([
      'api',
      'component',
      'domain',
      'environment',
      'group',
      'pipeline',
      'resource',
      'system',
      'user',
    ]);
    expect(counts.component).toBeGreaterThan(2_000);
    expect(counts.pipeline).toBeGreaterThan(1_500);
    expect(counts.environment).toBe(30);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const first = generateCatalog({
      count: 1_000,
      flavour: 'platform',
      seed: 7,
    });
    expect(
      generateCatalog({ count: 1_000, flavour: 'platform', seed: 7 }),
    ).toEqual(first);
    expect(
      generateCatalog({ count: 1_000, flavour: 'platform', seed: 8 }),
    ).not.toEqual(first);
  });

  it.each(['platform', 'plain'] as const)(
    'writes only valid %s entities whose references all exist',
    async flavour => {
      const catalog = generateCatalog({ count: 2_000, flavour });
      const entities = catalog.files.flatMap(file => file.entities);
      const known = new Set(entities.map(e => stringifyEntityRef(e)));
      const dangling = entities
        .flatMap(e => referencedRefs(e))
        .filter(ref => !known.has(ref));
      expect(dangling).toEqual([]);
      for (const entity of entities) {
        await expect(isValid(entity)).resolves.toBe(true);
      }
      const kinds = new Set(entities.map(e => e.kind));
      expect(kinds.has('Pipeline')).toBe(flavour === 'platform');
    },
  );

  it('refuses a count too small for a company', () => {
    expect(() => generateCatalog({ count: 50, flavour: 'plain' })).toThrow(
      /at least 200/,
    );
  });
});
