import {
  isKubernetesLabelKey,
  isKubernetesLabelValue,
  KUBERNETES_LABEL_VALUE_MAX_LENGTH,
} from './kubernetesLabels';

describe('Kubernetes label syntax', () => {
  it('accepts values the API server accepts, up to 63 characters', () => {
    for (const value of ['payments', 'v1.2.3', 'a', 'my_app-2', 'A9']) {
      expect(isKubernetesLabelValue(value)).toBe(true);
    }
    expect(
      isKubernetesLabelValue('a'.repeat(KUBERNETES_LABEL_VALUE_MAX_LENGTH)),
    ).toBe(true);
  });

  it('refuses longer values, bad ends, other characters and the empty value', () => {
    for (const value of [
      'a'.repeat(KUBERNETES_LABEL_VALUE_MAX_LENGTH + 1),
      '-payments',
      'payments.',
      'pay ments',
      'team/payments',
      '',
    ]) {
      expect(isKubernetesLabelValue(value)).toBe(false);
    }
  });

  it('accepts keys with and without a DNS prefix, and refuses others', () => {
    expect(isKubernetesLabelKey('app')).toBe(true);
    expect(isKubernetesLabelKey('app.kubernetes.io/name')).toBe(true);
    expect(isKubernetesLabelKey('App.io/name')).toBe(false);
    expect(isKubernetesLabelKey('app.kubernetes.io/')).toBe(false);
    expect(isKubernetesLabelKey('a/b/c')).toBe(false);
  });
});
