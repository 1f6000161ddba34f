import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gitlabAuthApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { PortalSignInPage } from './signInModule';

const NO_USER =
  'Failed to sign-in, unable to resolve user identity. Please verify that your catalog contains the expected User entities that would match your configured sign-in resolver.';

/** GitLab's sign-in as the auth backend answers it: no session yet, then `error`. */
function gitlabAuthFailing(error: Error) {
  return {
    getBackstageIdentity: jest.fn(async (options?: { optional?: boolean }) => {
      if (options?.optional) return undefined;
      throw error;
    }),
    getProfile: jest.fn(),
    getCredentials: jest.fn(),
    signIn: jest.fn(),
    signOut: jest.fn(),
    sessionState$: jest.fn(),
    getAccessToken: jest.fn(),
    getIdToken: jest.fn(),
  };
}

const organisation = {
  imports: [
    {
      host: 'gitlab.example.com',
      group: 'acme/people',
      groupUrl: 'https://gitlab.example.com/acme/people',
      membersOnly: true,
      everyMinutes: 15,
    },
  ],
};

/** What a reader sees (external links add a hidden ", Opens in a new window"). */
const visibleText = (element: HTMLElement) =>
  (element.textContent ?? '').replace(/, Opens in a new window/g, '');

let fetchMock: jest.Mock;
beforeEach(() => {
  fetchMock = jest.fn(async () => ({
    ok: true,
    json: async () => organisation,
  }));
  global.fetch = fetchMock as unknown as typeof fetch;
});

async function signInFailingWith(
  error: Error,
  config: Record<string, unknown> = {},
) {
  await renderInTestApp(<PortalSignInPage onSignInSuccess={jest.fn()} />, {
    apis: [[gitlabAuthApiRef, gitlabAuthFailing(error)]],
    config: {
      app: { title: 'Platform Portal', ...config },
      backend: { baseUrl: 'https://portal.example.com' },
      auth: { environment: 'production' },
    },
  });
  const button = await screen.findByRole('button', { name: /sign in/i });
  // The page sets its error once the sign-in's promise settles, after the click itself.
  await act(async () => {
    await userEvent.click(button);
  });
}

describe('the sign-in page in production', () => {
  it('explains a GitLab account without a User: where people come from, what to ask, whom', async () => {
    await signInFailingWith(new Error(NO_USER), {
      support: {
        url: 'https://chat.example.com/platform',
        items: [
          {
            title: 'Platform team',
            links: [
              {
                url: 'https://chat.example.com/platform',
                title: '#platform on chat',
              },
            ],
          },
        ],
      },
    });
    const alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(visibleText(alert)).toContain(
        'imported from the GitLab group acme/people on gitlab.example.com every 15 minutes',
      ),
    );
    expect(visibleText(alert)).toContain(
      "Your GitLab account has no User in the portal's catalog",
    );
    expect(visibleText(alert)).toContain(
      'Ask to be added to the GitLab group acme/people (its owners, or #platform on chat). You can sign in after the next import, at most 15 minutes later.',
    );
    expect(
      screen.getByRole('link', { name: /#platform on chat/ }),
    ).toHaveAttribute('href', 'https://chat.example.com/platform');
    expect(fetchMock).toHaveBeenCalledWith(
      'https://portal.example.com/api/catalog/platform/organisation',
    );
    expect(alert).not.toHaveTextContent('unable to resolve user identity');
  });

  it('says whom to ask when the catalog cannot say where people come from', async () => {
    fetchMock.mockResolvedValue({ ok: false });
    await signInFailingWith(new Error(NO_USER));
    expect(
      await screen.findByText(
        /The portal could not say where its people come from/,
      ),
    ).toHaveTextContent('Ask the team that runs the portal to add a User');
  });

  it('explains a callback that matches no sign-in it started, instead of the raw error', async () => {
    await signInFailingWith(
      Object.assign(new Error('Auth response is missing cookie nonce'), {
        name: 'NotAllowedError',
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'GitLab sent you back, but the portal could not match its answer to a sign-in it started',
    );
    expect(alert).not.toHaveTextContent('cookie nonce');
  });

  it('shows any other error as worded', async () => {
    await signInFailingWith(new Error('Login failed, popup was closed'));
    expect(
      await screen.findByText('Login failed, popup was closed'),
    ).toBeInTheDocument();
  });
});
