import { describeSignInFailure } from './describeSignInFailure';

const named = (name: string, message: string) =>
  Object.assign(new Error(message), { name });

describe('describeSignInFailure', () => {
  it('recognises a GitLab account without a User in the catalog', () => {
    // What plugin-auth-node says when no sign-in resolver finds a User.
    expect(
      describeSignInFailure(
        new Error(
          'Failed to sign-in, unable to resolve user identity. Please verify that your catalog contains the expected User entities that would match your configured sign-in resolver.',
        ),
      ),
    ).toEqual({ kind: 'not-in-catalog' });
  });

  it.each([
    'OAuth state is invalid, missing env',
    'OAuth state is invalid, missing nonce',
    'Auth response is missing cookie nonce',
    'Invalid nonce',
  ])(
    'recognises a callback that matches no sign-in the portal started: %s',
    message => {
      expect(describeSignInFailure(named('NotAllowedError', message))).toEqual({
        kind: 'stale-sign-in',
      });
    },
  );

  it('recognises a declined consent', () => {
    expect(
      describeSignInFailure(
        named(
          'AuthorizationError',
          'The resource owner or authorization server denied the request.',
        ),
      ),
    ).toEqual({ kind: 'declined' });
  });

  it('passes anything else on as worded', () => {
    expect(
      describeSignInFailure(new Error('Login failed, popup was closed')),
    ).toEqual({ kind: 'other', message: 'Login failed, popup was closed' });
  });
});
