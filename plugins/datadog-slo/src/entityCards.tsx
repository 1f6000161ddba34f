import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isService } from './entityFilters';

export const sloCard = EntityCardBlueprint.make({
  name: 'slos',
  params: {
    filter: isService,
    loader: async () => {
      const { EntitySloCard } = await import('./components/EntitySloCard');
      return <EntitySloCard />;
    },
  },
});
