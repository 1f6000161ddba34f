import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { crashLoopStatus } from '../__fixtures__/deployStatus';
import { DeployStatusApi, deployStatusApiRef } from '../api/DeployStatusApi';
import { EntityDeploymentsCard } from './EntityDeploymentsCard';

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'pricing-service', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/pricing-team' },
};

function renderCard(api: DeployStatusApi) {
  return renderInTestApp(
    <EntityProvider entity={service}>
      <EntityDeploymentsCard />
    </EntityProvider>,
    { apis: [[deployStatusApiRef, api]] },
  );
}

const rowOf = (environment: string) =>
  screen.getByRole('row', { name: new RegExp(`^${environment}`) });

describe('EntityDeploymentsCard', () => {
  it('shows every environment: health, version, sync, pipeline, pods and promotion lag', async () => {
    const getEntityStatus = jest.fn(async () => crashLoopStatus);
    await renderCard({
      getEntityStatus,
      getEntityStatuses: jest.fn(),
      getFleet: jest.fn(),
    });
    await screen.findByRole('table', { name: 'Deployments per environment' });

    const development = rowOf('Development');
    expect(within(development).getByText('Healthy')).toBeInTheDocument();
    expect(within(development).getByText('aaaaaaaa')).toBeInTheDocument();
    expect(
      within(development).getByRole('link', { name: /#119 success/ }),
    ).toHaveAttribute(
      'href',
      'http://gitlab.example.com/commerce/pricing-service/-/pipelines/119',
    );
    expect(
      within(development).getByText('dev-eu-1: 2/2 ready'),
    ).toBeInTheDocument();

    const staging = rowOf('Staging');
    expect(within(staging).getByText('Degraded')).toBeInTheDocument();
    expect(
      within(staging).getByText(
        'Argo CD pricing-service-staging is Degraded (+1 more)',
      ),
    ).toBeInTheDocument();
    expect(
      within(staging).getByText(/CrashLoopBackOff · 83 restarts/),
    ).toBeInTheDocument();
    expect(
      within(staging).getByText(/1 commit behind development, for/),
    ).toBeInTheDocument();

    // Argo CD timed out for production; Kubernetes still shows its pods.
    const production = rowOf('Production');
    expect(
      within(production).getAllByText(
        "Argo CD unavailable: Argo CD instance 'prod' did not answer within 3 s",
      ).length,
    ).toBeGreaterThan(0);
    expect(
      within(production).getByText('Not known from Argo CD'),
    ).toBeInTheDocument();
    expect(
      within(production).getByText('prod-eu-2: 2/2 ready'),
    ).toBeInTheDocument();

    expect(
      screen.getByRole('link', { name: /#120 running/ }),
    ).toBeInTheDocument();
  });

  it('refreshes in place', async () => {
    const getEntityStatus = jest.fn(async () => crashLoopStatus);
    await renderCard({
      getEntityStatus,
      getEntityStatuses: jest.fn(),
      getFleet: jest.fn(),
    });
    await screen.findByText('Staging');
    expect(getEntityStatus).toHaveBeenCalledTimes(1);
    await userEvent.click(
      screen.getByRole('button', { name: 'Refresh deployments' }),
    );
    expect(getEntityStatus).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Staging')).toBeInTheDocument();
  });

  it('says what went wrong when the backend fails, instead of an empty card', async () => {
    const getEntityStatus = jest.fn(async () => {
      throw new Error('deploy-status backend unreachable');
    });
    await renderCard({
      getEntityStatus,
      getEntityStatuses: jest.fn(),
      getFleet: jest.fn(),
    });
    expect(
      (await screen.findAllByText(/deploy-status backend unreachable/)).length,
    ).toBeGreaterThan(0);
  });
});
