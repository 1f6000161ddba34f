import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntitySlosResponse } from '@internal/plugin-datadog-slo-common';
import {
  checkoutApi,
  checkoutApiByIds,
  entitySlosResponse,
  fakeDatadogSloApi,
  sloSummary,
  timeframeStatus,
  unannotatedService,
} from '../../__fixtures__/datadogSlo';
import { DatadogSloApi, datadogSloApiRef } from '../../api/DatadogSloApi';
import { EntitySloCard } from './EntitySloCard';

const breached = sloSummary({
  id: 'slo-breached',
  name: 'Checkout latency p99',
  environment: 'production',
  timeframes: [
    timeframeStatus({
      sli: 99.82,
      errorBudgetRemaining: -80,
      state: 'breached',
    }),
  ],
  burnRates: [
    { window: '1h', windowSeconds: 3600, rate: 3.2 },
    { window: '6h', windowSeconds: 21600, rate: null },
  ],
  url: 'https://app.datadoghq.eu/slo?slo_id=slo-breached',
});
const warning = sloSummary({
  id: 'slo-warning',
  name: 'Checkout errors',
  environment: 'staging',
  timeframes: [
    timeframeStatus({ sli: 99.93, errorBudgetRemaining: 30, state: 'warning' }),
  ],
});
const ok = sloSummary({ id: 'slo-ok', name: 'Checkout availability' });

function renderCard(entity: Entity, api: DatadogSloApi) {
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntitySloCard />
    </EntityProvider>,
    { apis: [[datadogSloApiRef, api]] },
  );
}

function answering(response: EntitySlosResponse) {
  return fakeDatadogSloApi({ getEntitySlos: async () => response });
}

describe('EntitySloCard', () => {
  it('lists SLOs in the order the backend sorted them, worst first, with state and figures', async () => {
    const api = answering(
      entitySlosResponse({ slos: [breached, warning, ok] }),
    );
    renderCard(checkoutApi, api);

    const names = await screen.findAllByRole('link', { name: /^Checkout/ });
    expect(names.map(n => n.textContent)).toEqual([
      'Checkout latency p99, Opens in a new window',
      'Checkout errors, Opens in a new window',
      'Checkout availability, Opens in a new window',
    ]);
    expect(names[0]).toHaveAttribute(
      'href',
      'https://app.datadoghq.eu/slo?slo_id=slo-breached',
    );
    expect(names[0]).toHaveAttribute('target', '_blank');

    const worst = within(screen.getByTestId('slo-slo-breached'));
    expect(worst.getByText('Breached')).toBeInTheDocument();
    expect(worst.getByText('production')).toBeInTheDocument();
    expect(
      worst.getByText(/99\.82 % \/ 99\.9 % \(30d\) · burn 1h 3\.2×, 6h —/),
    ).toBeInTheDocument();
    expect(worst.getByText('-80.0 % budget left')).toBeInTheDocument();
    expect(worst.getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    expect(
      within(screen.getByTestId('slo-slo-warning')).getByText('Warning'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('slo-slo-ok')).getByText('OK'),
    ).toBeInTheDocument();
    expect(api.getEntitySlos).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout-api',
    });
  });

  it('shows which annotation to add, without asking the backend, when the entity has none', async () => {
    const api = fakeDatadogSloApi();
    renderCard(unannotatedService, api);

    expect(
      (await screen.findAllByText(/datadoghq\.com\/slo-query/)).length,
    ).toBeGreaterThan(0);
    expect(api.getEntitySlos).not.toHaveBeenCalled();
  });

  it('says Datadog is not configured, with what to set', async () => {
    renderCard(
      checkoutApi,
      answering(
        entitySlosResponse({
          configured: false,
          problems: [
            {
              kind: 'not-configured',
              message: 'Set DATADOG_API_KEY and DATADOG_APP_KEY.',
            },
          ],
        }),
      ),
    );

    expect(
      await screen.findByText('Datadog is not configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Set DATADOG_API_KEY and DATADOG_APP_KEY.'),
    ).toBeInTheDocument();
  });

  it('lists problems and still shows the SLOs that came back', async () => {
    renderCard(
      checkoutApi,
      answering(
        entitySlosResponse({
          slos: [ok],
          problems: [
            {
              kind: 'not-found',
              sloId: 'gone-1',
              annotation: 'datadoghq.com/slo-ids',
              message: 'Datadog has no SLO with this id.',
            },
            { kind: 'rate-limited', message: 'Datadog rate limit reached.' },
          ],
        }),
      ),
    );

    expect(
      await screen.findByText('SLO gone-1: Datadog has no SLO with this id.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Datadog rate limit reached.')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Checkout availability/ }),
    ).toBeInTheDocument();
  });

  it('says when the answer is the last known one', async () => {
    renderCard(
      checkoutApi,
      answering(entitySlosResponse({ slos: [ok], stale: true })),
    );

    expect(
      await screen.findByText(
        /Datadog did not answer; showing the answer from/,
      ),
    ).toBeInTheDocument();
  });

  it('names the query when no SLO matches it', async () => {
    renderCard(checkoutApi, answering(entitySlosResponse()));

    expect(
      await screen.findByText('No SLO matches service:checkout-api'),
    ).toBeInTheDocument();
  });

  it('asks the backend for an entity that names SLO ids only', async () => {
    const api = answering(entitySlosResponse());
    renderCard(checkoutApiByIds, api);

    expect(
      await screen.findByText('No SLO has one of the ids abc123, def456'),
    ).toBeInTheDocument();
    expect(api.getEntitySlos).toHaveBeenCalledTimes(1);
  });

  it('shows the backend’s error when the request fails', async () => {
    renderCard(
      checkoutApi,
      fakeDatadogSloApi({
        getEntitySlos: async () => {
          throw new Error('datadog-slo backend is down');
        },
      }),
    );

    expect(
      (await screen.findAllByText(/datadog-slo backend is down/)).length,
    ).toBeGreaterThan(0);
  });
});
