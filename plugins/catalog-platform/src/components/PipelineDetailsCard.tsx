import { useEntity } from '@backstage/plugin-catalog-react';
import { isPipelineEntity } from '@internal/catalog-model-platform';
import { DetailsCard } from './DetailsCard';

/** What a Pipeline runs: project, ref, stages, schedules and shared templates. */
export function PipelineDetailsCard() {
  const { entity } = useEntity();
  if (!isPipelineEntity(entity)) return null;
  const { spec } = entity;
  return (
    <DetailsCard
      title="Pipeline"
      fields={[
        { label: 'GitLab project', value: spec.project },
        { label: 'Default ref', value: spec.defaultRef },
        { label: 'Stages', value: spec.stages.join(' → ') },
        {
          label: 'Schedules',
          value: spec.schedules?.length
            ? spec.schedules
                .map(
                  s => `${s.cron}${s.description ? ` (${s.description})` : ''}`,
                )
                .join(', ')
            : 'none',
        },
        {
          label: 'Shared CI templates',
          value: spec.includes?.length
            ? spec.includes
                .map(
                  i =>
                    `${i.project}${i.ref ? `@${i.ref}` : ''}: ${[i.file]
                      .flat()
                      .join(', ')}`,
                )
                .join('; ')
            : 'none',
        },
      ]}
    />
  );
}
