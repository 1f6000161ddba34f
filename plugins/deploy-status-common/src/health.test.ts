import { needsAttention, worstHealth } from './health';

describe('worstHealth', () => {
  it('ranks as Argo CD does: Healthy < Suspended < Progressing < Missing < Degraded < Unknown', () => {
    expect(worstHealth(['Healthy', 'Suspended'])).toBe('Suspended');
    expect(worstHealth(['Progressing', 'Suspended'])).toBe('Progressing');
    expect(worstHealth(['Missing', 'Progressing'])).toBe('Missing');
    expect(worstHealth(['Degraded', 'Missing', 'Healthy'])).toBe('Degraded');
    expect(worstHealth(['Degraded', 'Unknown'])).toBe('Unknown');
  });

  it('calls nothing at all Missing', () => {
    expect(worstHealth([])).toBe('Missing');
  });
});

describe('needsAttention', () => {
  it('leaves healthy and deliberately suspended workloads alone', () => {
    expect(needsAttention('Healthy')).toBe(false);
    expect(needsAttention('Suspended')).toBe(false);
    expect(needsAttention('Progressing')).toBe(true);
    expect(needsAttention('Degraded')).toBe(true);
  });
});
