import {
  entityDataTableColumns as columns,
  EntityColumnConfig,
} from '@backstage/plugin-catalog-react/alpha';

export const pipelineColumns: EntityColumnConfig[] = [
  columns.createEntityRefColumn({ defaultKind: 'pipeline' }),
  columns.createOwnerColumn(),
  columns.createSystemColumn(),
  columns.createMetadataDescriptionColumn(),
];

export const environmentColumns: EntityColumnConfig[] = [
  columns.createEntityRefColumn({ defaultKind: 'environment' }),
  columns.createOwnerColumn(),
  columns.createSpecTypeColumn(),
  columns.createMetadataDescriptionColumn(),
];

export const componentColumns: EntityColumnConfig[] = [
  columns.createEntityRefColumn({ defaultKind: 'component' }),
  columns.createOwnerColumn(),
  columns.createSpecTypeColumn(),
  columns.createSystemColumn(),
  columns.createMetadataDescriptionColumn(),
];
