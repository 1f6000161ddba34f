import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { emptySloStateCounts } from '@internal/plugin-datadog-slo-common';
import {
  checkoutSystem,
  fakeDatadogSloApi,
  rollupEntry,
  rollupResponse,
} from '../../__fixtures__/datadogSlo';
import { DatadogSloApi, datadogSloApiRef } from '../../api/DatadogSloApi';
import { SloRollupContent } from './SloRollupContent';

function renderRollup(api: DatadogSloApi) {
  renderInTestApp(
    <EntityProvider entity={checkoutSystem}>
      <SloRollupContent />
    </EntityProvider>,
    {
      apis: [[datadogSloApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('SloRollupContent', () => {
  it('shows totals per state, the worst state and one row per service, worst first', async () => {
    const api = fakeDatadogSloApi({
      getRollup: async () =>
        rollupResponse({
          worstState: 'breached',
          counts: { breached: 1, warning: 0, no_data: 1, ok: 3 },
          entries: [
            rollupEntry({
              entityRef: 'component:default/checkout-api',
              title: 'Checkout API',
              worstState: 'breached',
              counts: { ...emptySloStateCounts(), breached: 1, ok: 2 },
              lowestBudget: -25,
              problems: [
                {
                  kind: 'forbidden',
                  sloId: 'abc123',
                  message: 'The Datadog key may not read this SLO.',
                },
              ],
            }),
            rollupEntry({
              entityRef: 'component:default/payments-api',
              worstState: 'no_data',
              counts: { ...emptySloStateCounts(), no_data: 1, ok: 1 },
              lowestBudget: null,
            }),
          ],
          withoutSlos: ['component:default/ledger', 'component:default/ui'],
        }),
    });
    renderRollup(api);

    const table = await screen.findByRole('table', {
      name: 'SLOs per service',
    });
    expect(api.getRollup).toHaveBeenCalledWith('system:default/checkout');

    expect(screen.getByText('Breached: 1')).toBeInTheDocument();
    expect(screen.getByText('Warning: 0')).toBeInTheDocument();
    expect(screen.getByText('No data: 1')).toBeInTheDocument();
    expect(screen.getByText('OK: 3')).toBeInTheDocument();

    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first).getByRole('link')).toHaveTextContent('Checkout API');
    expect(within(first).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api',
    );
    expect(within(first).getByText('Breached')).toBeInTheDocument();
    expect(within(first).getByText('1 breached, 2 ok')).toBeInTheDocument();
    expect(within(first).getByText('-25.0 % budget left')).toBeInTheDocument();
    expect(
      within(first).getByText(
        'SLO abc123: The Datadog key may not read this SLO.',
      ),
    ).toBeInTheDocument();
    expect(within(second).getByRole('link')).toHaveTextContent('payments-api');
    expect(within(second).getByText('No data')).toBeInTheDocument();

    const notCovered = screen.getByText(/Not covered/);
    expect(notCovered).toHaveTextContent(
      'Not covered (no SLO annotation): ledger, ui',
    );
  });

  it('says when no member has SLOs', async () => {
    renderRollup(
      fakeDatadogSloApi({
        getRollup: async () =>
          rollupResponse({
            membership: 'ownedBy',
            withoutSlos: ['component:default/ledger'],
          }),
      }),
    );

    expect(
      await screen.findByText(
        'None of the components this group owns has an SLO annotation.',
      ),
    ).toBeInTheDocument();
  });
});
