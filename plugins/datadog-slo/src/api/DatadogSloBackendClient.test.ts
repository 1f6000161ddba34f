import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/frontend-test-utils';
import { entitySlosResponse } from '../__fixtures__/datadogSlo';
import { DatadogSloBackendClient } from './DatadogSloBackendClient';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText: status === 200 ? 'OK' : 'Not Found',
    headers: { 'content-type': 'application/json' },
  });
}

function clientAnswering(response: () => Response) {
  const fetch = jest.fn(async (_input: RequestInfo | URL) => response());
  const client = new DatadogSloBackendClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://portal' }),
    fetchApi: { fetch },
  });
  return { client, fetch };
}

describe('DatadogSloBackendClient', () => {
  it('asks for an entity’s SLOs by kind, namespace and name, each encoded', async () => {
    const body = entitySlosResponse();
    const { client, fetch } = clientAnswering(() => jsonResponse(200, body));

    await expect(
      client.getEntitySlos({
        kind: 'Component',
        namespace: 'default',
        name: 'checkout/api',
      }),
    ).resolves.toEqual(body);
    expect(fetch).toHaveBeenCalledWith(
      'http://portal/api/datadog-slo/entities/component/default/checkout%2Fapi/slos',
    );
  });

  it('asks for one SLO’s history with the timeframe as a query parameter', async () => {
    const { client, fetch } = clientAnswering(() => jsonResponse(200, {}));

    await client.getSloHistory({
      entity: { kind: 'component', namespace: 'payments', name: 'ledger' },
      sloId: 'abc 123',
      timeframe: '7d',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://portal/api/datadog-slo/entities/component/payments/ledger/slos/abc%20123/history?timeframe=7d',
    );
  });

  it('asks for a rollup with the entity ref encoded', async () => {
    const { client, fetch } = clientAnswering(() => jsonResponse(200, {}));

    await client.getRollup('system:default/checkout');
    expect(fetch).toHaveBeenCalledWith(
      'http://portal/api/datadog-slo/rollup?entityRef=system%3Adefault%2Fcheckout',
    );
  });

  it('throws a ResponseError carrying the backend’s error', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse(404, {
        error: { name: 'NotFoundError', message: 'No entity checkout-api' },
        response: { statusCode: 404 },
      }),
    );

    const error = await client
      .getEntitySlos({
        kind: 'component',
        namespace: 'default',
        name: 'checkout-api',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause.message).toBe('No entity checkout-api');
  });
});
