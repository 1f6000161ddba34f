/**
 * JSON Schema of kustomize's `Kustomization` (and `Component`) file, written from kustomize's Go
 * types (sigs.k8s.io/kustomize/api/types: kustomization.go, labels.go, image.go, patch.go,
 * selector.go, replica.go). kustomize decodes the file with `DisallowUnknownFields`, so unknown
 * fields fail `kustomize build`; the schema is strict (`additionalProperties: false`) wherever it
 * spells a type out. Generators, Helm charts, replacements and vars are typed as lists of objects
 * without their fields: rarely used in templates, and better unchecked than guessed.
 *
 * There is no Kustomization schema in the Kubernetes OpenAPI (it is not an API object) nor on npm.
 */
const stringList = { type: 'array', items: { type: 'string' } };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const objectList = { type: 'array', items: { type: 'object' } };

const fieldSpec = {
  type: 'object',
  additionalProperties: false,
  properties: {
    group: { type: 'string' },
    version: { type: 'string' },
    kind: { type: 'string' },
    path: { type: 'string' },
    create: { type: 'boolean' },
  },
};

const selector = {
  type: 'object',
  additionalProperties: false,
  properties: {
    group: { type: 'string' },
    version: { type: 'string' },
    kind: { type: 'string' },
    name: { type: 'string' },
    namespace: { type: 'string' },
    skip: { type: 'boolean' },
    annotationSelector: { type: 'string' },
    labelSelector: { type: 'string' },
  },
};

const patch = {
  type: 'object',
  additionalProperties: false,
  properties: {
    path: { type: 'string' },
    patch: { type: 'string' },
    target: selector,
    // allowNameChange / allowKindChange (kustomize 4.5+).
    options: { type: 'object', additionalProperties: { type: 'boolean' } },
  },
};

export const kustomizationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: {
      enum: [
        'kustomize.config.k8s.io/v1beta1',
        'kustomize.config.k8s.io/v1alpha1',
      ],
    },
    kind: { enum: ['Kustomization', 'Component'] },
    metadata: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        namespace: { type: 'string' },
        labels: stringMap,
        annotations: stringMap,
      },
    },
    openapi: stringMap,
    namePrefix: { type: 'string' },
    nameSuffix: { type: 'string' },
    namespace: { type: 'string' },
    commonLabels: stringMap,
    labels: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          pairs: stringMap,
          includeSelectors: { type: 'boolean' },
          includeTemplates: { type: 'boolean' },
          includeVolumeClaimTemplates: { type: 'boolean' },
          fields: { type: 'array', items: fieldSpec },
        },
      },
    },
    commonAnnotations: stringMap,
    patchesStrategicMerge: stringList,
    patchesJson6902: { type: 'array', items: patch },
    patches: { type: 'array', items: patch },
    images: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          newName: { type: 'string' },
          tagSuffix: { type: 'string' },
          newTag: { type: 'string' },
          digest: { type: 'string' },
        },
      },
    },
    imageTags: objectList,
    replacements: objectList,
    replicas: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          count: { type: 'integer' },
        },
      },
    },
    vars: objectList,
    sortOptions: { type: 'object' },
    resources: stringList,
    components: stringList,
    crds: stringList,
    bases: stringList,
    configMapGenerator: objectList,
    secretGenerator: objectList,
    helmGlobals: { type: 'object' },
    helmCharts: objectList,
    helmChartInflationGenerator: objectList,
    generatorOptions: { type: 'object' },
    configurations: stringList,
    generators: stringList,
    transformers: stringList,
    validators: stringList,
    inventory: { type: 'object' },
    buildMetadata: stringList,
  },
};
