import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  checkoutApi,
  entitySlosResponse,
  fakeDatadogSloApi,
  historyResponse,
  sloSummary,
  timeframeStatus,
  unannotatedService,
} from '../../__fixtures__/datadogSlo';
import { DatadogSloApi, datadogSloApiRef } from '../../api/DatadogSloApi';
import { EntitySloContent } from './EntitySloContent';

const availability = sloSummary({
  id: 'slo-availability',
  name: 'Checkout availability',
  timeframes: [
    timeframeStatus({ timeframe: '7d', target: 99.5, sli: 99.7 }),
    timeframeStatus({ timeframe: '30d', target: 99.9, sli: 99.95 }),
  ],
});
const latency = sloSummary({ id: 'slo-latency', name: 'Checkout latency' });

function apiWithHistories(): jest.Mocked<DatadogSloApi> {
  return fakeDatadogSloApi({
    getEntitySlos: async () =>
      entitySlosResponse({ slos: [availability, latency] }),
    getSloHistory: async ({ sloId, timeframe }) => {
      if (sloId === 'slo-latency') {
        throw new Error('Datadog did not answer within 10 s');
      }
      return historyResponse({ sloId, timeframe });
    },
  });
}

function renderTab(api: DatadogSloApi, entity = checkoutApi) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntitySloContent />
    </EntityProvider>,
    { apis: [[datadogSloApiRef, api]] },
  );
}

describe('EntitySloContent', () => {
  it('draws a burn-down chart per SLO and shows a failing history in its own panel only', async () => {
    renderTab(apiWithHistories());

    const latencyPanel = await screen.findByTestId('slo-panel-slo-latency');
    expect(
      (
        await within(latencyPanel).findAllByText(
          /Datadog did not answer within 10 s/,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(latencyPanel.querySelector('.recharts-line')).toBeNull();

    const availabilityPanel = screen.getByTestId('slo-panel-slo-availability');
    await within(availabilityPanel).findByText('budget exhausted (target)');
    expect(
      availabilityPanel.querySelector('.recharts-line-curve'),
    ).not.toBeNull();
    expect(within(availabilityPanel).getByText('warning')).toBeInTheDocument();
    expect(
      within(availabilityPanel).getByText('% of error budget remaining'),
    ).toBeInTheDocument();
  });

  it('lists each timeframe’s thresholds', async () => {
    renderTab(apiWithHistories());

    const table = await screen.findByRole('table', {
      name: 'Checkout availability thresholds',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'TimeframeTargetWarningSLIBudget remainingState',
      '7d99.5 %99.95 %99.7 %80.0 %OK',
      '30d (primary)99.9 %99.95 %99.95 %80.0 %OK',
    ]);
  });

  it('loads the burn-downs for 30d first and again for the timeframe picked', async () => {
    const api = apiWithHistories();
    renderTab(api);
    await screen.findByTestId('slo-panel-slo-availability');
    expect(api.getSloHistory).toHaveBeenCalledWith({
      entity: { kind: 'Component', namespace: 'default', name: 'checkout-api' },
      sloId: 'slo-availability',
      timeframe: '30d',
    });

    await userEvent.click(screen.getByRole('button', { name: '7d' }));
    expect(api.getSloHistory).toHaveBeenCalledWith(
      expect.objectContaining({ sloId: 'slo-availability', timeframe: '7d' }),
    );
  });

  it('shows which annotation to add when the entity has none', async () => {
    const api = fakeDatadogSloApi();
    renderTab(api, unannotatedService);

    expect(
      (await screen.findAllByText(/datadoghq\.com\/slo-query/)).length,
    ).toBeGreaterThan(0);
    expect(api.getEntitySlos).not.toHaveBeenCalled();
  });

  it('tells no data, a failed read and a stale answer apart', async () => {
    const nodata = sloSummary({ id: 'slo-nodata', name: 'No data SLO' });
    const failing = sloSummary({ id: 'slo-failing', name: 'Failing SLO' });
    const stale = sloSummary({ id: 'slo-stale', name: 'Stale SLO' });
    const api = fakeDatadogSloApi({
      getEntitySlos: async () =>
        entitySlosResponse({ slos: [nodata, failing, stale] }),
      getSloHistory: async ({ sloId, timeframe }) => {
        const history = historyResponse({ sloId, timeframe });
        if (sloId === 'slo-nodata') {
          return {
            ...history,
            points: history.points.map(p => ({
              ...p,
              sli: null,
              errorBudgetRemaining: null,
            })),
          };
        }
        if (sloId === 'slo-failing') {
          return {
            ...history,
            points: [],
            problems: [{ kind: 'timeout', message: 'Datadog did not answer' }],
          };
        }
        return {
          ...history,
          stale: true,
          note: 'Stale SLO has no 30d target; the budget is drawn against its 7d target of 99.5 %.',
        };
      },
    });
    renderTab(api);

    const nodataPanel = await screen.findByTestId('slo-panel-slo-nodata');
    await within(nodataPanel).findByText(
      'Datadog has no data for this SLO over 30d.',
    );
    expect(nodataPanel.querySelector('.recharts-line')).toBeNull();

    const failingPanel = screen.getByTestId('slo-panel-slo-failing');
    await within(failingPanel).findByText(
      /The burn-down could not be read from Datadog/,
    );
    expect(within(failingPanel).queryByText(/has no data/)).toBeNull();

    const stalePanel = screen.getByTestId('slo-panel-slo-stale');
    await within(stalePanel).findByText(
      /Datadog did not answer; this is the burn-down from/,
    );
    expect(
      within(stalePanel).getByText(/has no 30d target/),
    ).toBeInTheDocument();
    expect(
      within(stalePanel).getByRole('img', {
        name: /^Error budget over 30d: from 100/,
      }),
    ).toBeInTheDocument();
  });
});
