/**
 * What went wrong with a sign-in, from the error the auth backend sent back (by the popup's
 * message or the redirect's `error` parameter: a name and a message, nothing more).
 */
export type SignInFailure =
  /** GitLab knows the person, the catalog has no User for them (the sign-in resolvers found none). */
  | { kind: 'not-in-catalog' }
  /** GitLab's answer came back to a sign-in the portal did not start, or no longer remembers. */
  | { kind: 'stale-sign-in' }
  /** The person declined the portal's access on GitLab's consent page. */
  | { kind: 'declined' }
  | { kind: 'other'; message: string };

// plugin-auth-node's readDeclarativeSignInResolver, when no configured resolver finds a User.
const NO_USER = 'unable to resolve user identity';
// plugin-auth-node's OAuth frame handler: the state parameter or the nonce cookie do not match
// ("OAuth state is invalid, missing nonce", "Auth response is missing cookie nonce", "Invalid nonce").
const STALE = [
  /OAuth state is invalid/,
  /missing cookie nonce/,
  /Invalid nonce/,
];
// passport-oauth2 when GitLab redirects back with error=access_denied.
const DECLINED = /denied the request/;

export function describeSignInFailure(error: Error): SignInFailure {
  const message = error.message ?? String(error);
  if (message.includes(NO_USER)) return { kind: 'not-in-catalog' };
  if (STALE.some(pattern => pattern.test(message))) {
    return { kind: 'stale-sign-in' };
  }
  if (DECLINED.test(message)) return { kind: 'declined' };
  return { kind: 'other', message };
}
