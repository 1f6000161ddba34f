import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { UpstreamStatus, upstreamStatusApiRef } from '../api/types';
import { UpstreamGate } from './UpstreamGate';

const status = (over: Partial<UpstreamStatus>): UpstreamStatus => ({
  kind: 'gitlab',
  name: 'gitlab.example.com',
  origin: 'https://gitlab.example.com',
  reachable: true,
  checkedAt: '2026-11-21T00:00:00Z',
  ...over,
});

async function renderGate(
  listUpstreams: () => Promise<UpstreamStatus[]>,
  kind: 'gitlab' | 'argocd' = 'gitlab',
) {
  await renderInTestApp(
    <UpstreamGate kind={kind}>
      <div>pipelines card</div>
    </UpstreamGate>,
    { apis: [[upstreamStatusApiRef, { listUpstreams }]] },
  );
}

describe('UpstreamGate', () => {
  it('shows the card when its upstream answers', async () => {
    await renderGate(async () => [status({ reachable: true })]);
    expect(await screen.findByText('pipelines card')).toBeInTheDocument();
  });

  it('says once, with the address and reason, that the upstream is unreachable', async () => {
    await renderGate(async () => [
      status({ reachable: false, error: 'ECONNREFUSED' }),
      status({ kind: 'argocd', name: 'prod', reachable: true }),
    ]);
    expect(
      await screen.findByText('Warning: GitLab is not reachable'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /gitlab\.example\.com at https:\/\/gitlab\.example\.com: ECONNREFUSED/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('pipelines card')).not.toBeInTheDocument();
  });

  it('says when no upstream of the kind is configured', async () => {
    await renderGate(async () => [status({ kind: 'gitlab' })], 'argocd');
    expect(
      await screen.findByText(
        'Info: Argo CD is not configured for this portal',
      ),
    ).toBeInTheDocument();
  });

  it('falls back to the card when the status itself cannot be fetched', async () => {
    await renderGate(async () => {
      throw new Error('upstream-status backend is down');
    });
    expect(await screen.findByText('pipelines card')).toBeInTheDocument();
  });
});
