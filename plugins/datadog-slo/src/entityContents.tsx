import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isService, isSystemOrGroup } from './entityFilters';

export const sloContent = EntityContentBlueprint.make({
  name: 'slos',
  params: {
    path: '/slos',
    title: 'SLOs',
    group: 'observability',
    filter: isService,
    loader: async () => {
      const { EntitySloContent } = await import(
        './components/EntitySloContent'
      );
      return <EntitySloContent />;
    },
  },
});

export const sloRollupContent = EntityContentBlueprint.make({
  name: 'slo-rollup',
  params: {
    path: '/slos',
    title: 'SLOs',
    group: 'observability',
    filter: isSystemOrGroup,
    loader: async () => {
      const { SloRollupContent } = await import(
        './components/SloRollupContent'
      );
      return <SloRollupContent />;
    },
  },
});
