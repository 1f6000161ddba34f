import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FleetQuery } from '@internal/plugin-deploy-status-common';
import {
  cartRow,
  fleetPage,
  pricingRow,
  reportingRow,
} from '../__fixtures__/fleet';
import { DeployStatusApi, deployStatusApiRef } from '../api/DeployStatusApi';
import { DeploymentsPage } from './DeploymentsPage';

function renderPage(getFleet: DeployStatusApi['getFleet']) {
  const api: DeployStatusApi = {
    getEntityStatus: jest.fn(),
    getEntityStatuses: jest.fn(),
    getFleet,
  };
  return renderInTestApp(<DeploymentsPage />, {
    apis: [[deployStatusApiRef, api]],
  });
}

const lastQuery = (getFleet: jest.Mock): FleetQuery =>
  getFleet.mock.calls[getFleet.mock.calls.length - 1][0];

describe('DeploymentsPage', () => {
  it('shows the backend’s page as it orders it, owners and systems by title, not deployed apart', async () => {
    const getFleet = jest.fn(async () =>
      fleetPage([pricingRow, cartRow, reportingRow]),
    );
    await renderPage(getFleet);
    await screen.findByText('3 of 3 services');

    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map(r => within(r).getAllByRole('cell')[0].textContent),
    ).toEqual(['Pricing service', 'cart-service', 'legacy-reporting']);
    const pricing = rows[0];
    expect(within(pricing).getByText('Degraded')).toBeInTheDocument();
    expect(
      within(pricing).getByText(
        'Pod pricing-service-7465 on staging-eu-1: CrashLoopBackOff',
      ),
    ).toBeInTheDocument();
    expect(within(pricing).getAllByText('Product catalog')[0]).toHaveAttribute(
      'title',
      'group:default/catalog-team',
    );
    // Not deployed is said in its own words, never as a health.
    const reporting = rows[2];
    expect(within(reporting).getAllByText('Not deployed')).toHaveLength(3);
    expect(within(reporting).queryByText('Unknown')).not.toBeInTheDocument();
    expect(screen.getByText('Not deployed (1)')).toBeInTheDocument();
    expect(lastQuery(getFleet)).toEqual({
      owner: undefined,
      system: undefined,
      health: [],
      limit: 50,
      cursor: undefined,
    });
  });

  it('asks for unhealthy services without those not deployed, and for those apart', async () => {
    const getFleet = jest.fn(async () => fleetPage([pricingRow]));
    await renderPage(getFleet);
    await screen.findByText('1 of 3 services');

    await userEvent.click(screen.getByRole('checkbox'));
    await waitFor(() =>
      expect(lastQuery(getFleet).health).toEqual([
        'Progressing',
        'Missing',
        'Degraded',
        'Unknown',
      ]),
    );

    await userEvent.click(screen.getByRole('checkbox'));
    await userEvent.click(screen.getByText('Not deployed (1)'));
    await waitFor(() =>
      expect(lastQuery(getFleet).health).toEqual(['not-deployed']),
    );
  });

  it('pages with the backend’s cursors', async () => {
    const getFleet = jest.fn(async (query?: FleetQuery) =>
      query?.cursor
        ? fleetPage([reportingRow], { totalItems: 51 })
        : fleetPage([pricingRow], { totalItems: 51, nextCursor: 'page-2' }),
    );
    await renderPage(getFleet);
    await screen.findByText('1–1 of 51');

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('51–51 of 51');
    expect(lastQuery(getFleet).cursor).toBe('page-2');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await screen.findByText('1–1 of 51');
    expect(lastQuery(getFleet).cursor).toBeUndefined();
  });
});
