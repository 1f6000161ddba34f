import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { PLATFORM_API_VERSION } from '@internal/catalog-model-platform';
import { EnvironmentServicesCard } from './EnvironmentServicesCard';

const production: Entity = {
  apiVersion: PLATFORM_API_VERSION,
  kind: 'Environment',
  metadata: { name: 'production' },
  spec: {},
  relations: [
    {
      type: 'deploymentTargetOf',
      targetRef: 'pipeline:default/checkout-api-ci',
    },
    { type: 'ownedBy', targetRef: 'group:default/platform-team' },
  ],
};

const catalog = [
  {
    apiVersion: PLATFORM_API_VERSION,
    kind: 'Pipeline',
    metadata: { name: 'checkout-api-ci' },
    spec: {},
    relations: [
      { type: 'deploys', targetRef: 'component:default/checkout-api' },
      { type: 'builds', targetRef: 'component:default/ui-kit' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', title: 'Checkout API' },
    spec: { type: 'service', owner: 'group:checkout-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'ui-kit', title: 'UI kit' },
    spec: { type: 'library', owner: 'group:catalog-team' },
  },
] as Entity[];

describe('EnvironmentServicesCard', () => {
  it('lists the components that pipelines deploy to the environment, not those they only build', async () => {
    await renderInTestApp(
      <EntityProvider entity={production}>
        <EnvironmentServicesCard />
      </EntityProvider>,
      {
        apis: [[catalogApiRef, catalogApiMock({ entities: catalog })]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText('Checkout API')).toBeInTheDocument();
    expect(screen.queryByText('UI kit')).not.toBeInTheDocument();
  });

  it('explains how to link services when no pipeline deploys here', async () => {
    await renderInTestApp(
      <EntityProvider entity={{ ...production, relations: [] }}>
        <EnvironmentServicesCard />
      </EntityProvider>,
      {
        apis: [[catalogApiRef, catalogApiMock({ entities: catalog })]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByText(
        /No pipeline deploys a component to this environment/,
      ),
    ).toBeInTheDocument();
  });
});
