/**
 * A signed-in user's Backstage token from the benchmark backend's guest provider, got the way the
 * frontend's sign-in page gets it. Catalog requests with it go through the permission backend
 * (the static service token the harness otherwise uses is allowed without asking it).
 */
export async function signInAsGuest(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh?env=development`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(
      `Guest sign-in answered ${res.status}: ${await res.text()}`,
    );
  }
  const body = (await res.json()) as {
    backstageIdentity?: { token?: unknown };
  };
  const token = body.backstageIdentity?.token;
  if (typeof token !== 'string') {
    throw new Error(
      `Guest sign-in answered without backstageIdentity.token: ${JSON.stringify(
        body,
      ).slice(0, 200)}`,
    );
  }
  return token;
}
