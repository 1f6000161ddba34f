import { signInProvidersFor } from './signInProviders';

const ids = (environment?: string) =>
  signInProvidersFor(environment).map(p => (p === 'guest' ? p : p.id));

describe('signInProvidersFor', () => {
  it('offers guest and GitLab sign-in in development', () => {
    expect(ids('development')).toEqual(['guest', 'gitlab-auth-provider']);
  });

  it('treats a portal without auth.environment as development', () => {
    expect(ids(undefined)).toEqual(['guest', 'gitlab-auth-provider']);
  });

  it('offers only GitLab sign-in outside development', () => {
    expect(ids('production')).toEqual(['gitlab-auth-provider']);
    expect(ids('staging')).toEqual(['gitlab-auth-provider']);
  });
});
