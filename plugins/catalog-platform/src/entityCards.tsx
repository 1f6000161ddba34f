import {
  EntityCardBlueprint,
  EntityColumnConfig,
  EntityRelationCard,
} from '@backstage/plugin-catalog-react/alpha';
import {
  RELATION_BUILDS,
  RELATION_BUILT_BY,
  RELATION_DEPLOYMENT_TARGET_OF,
  RELATION_DEPLOYS_TO,
} from '@internal/catalog-model-platform';
import {
  componentColumns,
  environmentColumns,
  pipelineColumns,
} from './columns';

const isKind = (kind: string) => ({ kind });

/** An entity card listing the entities at the other end of one relation type. */
function relationCard(options: {
  name: string;
  onKind: string;
  title: string;
  relationType: string;
  entityKind: string;
  columns: EntityColumnConfig[];
  emptyMessage: string;
}) {
  return EntityCardBlueprint.make({
    name: options.name,
    params: {
      filter: isKind(options.onKind),
      loader: async () => (
        <EntityRelationCard
          title={options.title}
          relationType={options.relationType}
          entityKind={options.entityKind}
          columnConfig={options.columns}
          emptyState={{ message: options.emptyMessage }}
        />
      ),
    },
  });
}

export const pipelineDetailsCard = EntityCardBlueprint.make({
  name: 'pipeline-details',
  params: {
    filter: isKind('pipeline'),
    loader: async () => {
      const { PipelineDetailsCard } = await import(
        './components/PipelineDetailsCard'
      );
      return <PipelineDetailsCard />;
    },
  },
});

export const pipelineBuildsCard = relationCard({
  name: 'pipeline-builds',
  onKind: 'pipeline',
  title: 'Builds',
  relationType: RELATION_BUILDS,
  entityKind: 'component',
  columns: componentColumns,
  emptyMessage: 'This pipeline builds no component (spec.builds).',
});

export const pipelineEnvironmentsCard = relationCard({
  name: 'pipeline-environments',
  onKind: 'pipeline',
  title: 'Deploys to',
  relationType: RELATION_DEPLOYS_TO,
  entityKind: 'environment',
  columns: environmentColumns,
  emptyMessage: 'This pipeline deploys to no environment (spec.deploysTo).',
});

export const environmentDetailsCard = EntityCardBlueprint.make({
  name: 'environment-details',
  params: {
    filter: isKind('environment'),
    loader: async () => {
      const { EnvironmentDetailsCard } = await import(
        './components/EnvironmentDetailsCard'
      );
      return <EnvironmentDetailsCard />;
    },
  },
});

export const environmentServicesCard = EntityCardBlueprint.make({
  name: 'environment-services',
  params: {
    filter: isKind('environment'),
    loader: async () => {
      const { EnvironmentServicesCard } = await import(
        './components/EnvironmentServicesCard'
      );
      return <EnvironmentServicesCard />;
    },
  },
});

export const environmentPipelinesCard = relationCard({
  name: 'environment-pipelines',
  onKind: 'environment',
  title: 'Pipelines deploying here',
  relationType: RELATION_DEPLOYMENT_TARGET_OF,
  entityKind: 'pipeline',
  columns: pipelineColumns,
  emptyMessage: 'No pipeline deploys to this environment.',
});

export const componentPipelinesCard = relationCard({
  name: 'component-pipelines',
  onKind: 'component',
  title: 'Pipelines',
  relationType: RELATION_BUILT_BY,
  entityKind: 'pipeline',
  columns: pipelineColumns,
  emptyMessage: 'No Pipeline entity builds this component (spec.builds).',
});
