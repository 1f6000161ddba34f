import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  ScmIntegrationsApi,
  scmAuthApiRef,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import { ScaffolderClient } from '@backstage/plugin-scaffolder';
import {
  scaffolderApiRef,
  SecretsContextProvider,
} from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { PlatformRepoUrlPicker } from './PlatformRepoUrlPicker';
import { platformRepoUrlPickerValidation } from './validation';

/** Two GitLab integrations (the sandbox and a company GitLab); github.com comes by default. */
function portalConfig(allowedHosts?: string[]): JsonObject {
  return {
    integrations: {
      gitlab: [
        { host: 'localhost:7101', apiBaseUrl: 'http://localhost:7101/api/v4' },
        {
          host: 'gitlab.example.com',
          apiBaseUrl: 'https://gitlab.example.com/api/v4',
        },
      ],
    },
    ...(allowedHosts && { scaffolder: { platform: { allowedHosts } } }),
  };
}

/** A one-step template whose repository field is `ui:field: PlatformRepoUrlPicker`. */
async function renderForm(options: {
  config: JsonObject;
  uiOptions?: JsonObject;
  repoUrl?: string;
}) {
  const scmIntegrationsApi = ScmIntegrationsApi.fromConfig(
    new ConfigReader(options.config),
  );
  // In act: the picker lists its hosts asynchronously on mount.
  await act(async () => {
    renderInTestApp(
      <SecretsContextProvider>
        <Stepper
          manifest={{
            title: 'Service',
            steps: [
              {
                title: 'Repository',
                schema: {
                  required: ['repoUrl'],
                  properties: {
                    repoUrl: {
                      title: 'Repository location',
                      type: 'string',
                      'ui:field': 'PlatformRepoUrlPicker',
                      ...(options.uiOptions && {
                        'ui:options': options.uiOptions,
                      }),
                    },
                  },
                },
              },
            ],
          }}
          extensions={[
            {
              name: 'PlatformRepoUrlPicker',
              component: PlatformRepoUrlPicker,
              validation: platformRepoUrlPickerValidation,
            },
          ]}
          initialState={options.repoUrl ? { repoUrl: options.repoUrl } : {}}
          onCreate={jest.fn()}
        />
      </SecretsContextProvider>,
      {
        config: options.config,
        apis: [
          [scmIntegrationsApiRef, scmIntegrationsApi],
          [scmAuthApiRef, { getCredentials: jest.fn() }],
          // Backstage's own client: it lists the integrations the picker's allowedHosts name.
          [
            scaffolderApiRef,
            new ScaffolderClient({
              scmIntegrationsApi,
              discoveryApi: mockApis.discovery(),
              fetchApi: mockApis.fetch(),
            }),
          ],
        ],
      },
    );
  });
}

async function offeredHosts(): Promise<string[]> {
  const select = await screen.findByTestId('host-select');
  return within(select)
    .getAllByRole('option')
    .map(option => option.getAttribute('value')!);
}

async function review() {
  await userEvent.click(screen.getByRole('button', { name: 'Review' }));
}

// Each test renders Backstage's whole form stepper in jsdom: a few hundred ms on a quiet machine,
// several seconds while CI runs every other suite beside it.
jest.setTimeout(20_000);

describe('PlatformRepoUrlPicker', () => {
  // The stepper scrolls to the top on every step; jsdom has no scrolling.
  beforeAll(() => {
    window.scrollTo = jest.fn();
  });

  it('offers the hosts of scaffolder.platform.allowedHosts and no other integration', async () => {
    await renderForm({ config: portalConfig(['gitlab.example.com']) });
    expect(await offeredHosts()).toEqual(['gitlab.example.com']);

    // As the golden path's e2e test fills it. Pasted, not typed: every keystroke re-renders the
    // whole form, and fourteen of them took over 5 s on CI's two busy cores.
    await userEvent.click(screen.getByLabelText(/^Owner/));
    await userEvent.paste('commerce');
    await userEvent.click(screen.getByRole('textbox', { name: /^Repository/ }));
    await userEvent.paste('orders');
    await userEvent.tab();
    await review();
    expect(
      await screen.findByText('gitlab.example.com?owner=commerce&repo=orders'),
    ).toBeInTheDocument();
  });

  it('offers the GitLab integrations when scaffolder.platform.allowedHosts is unset, as the backend allows', async () => {
    await renderForm({ config: portalConfig() });
    expect(await offeredHosts()).toEqual([
      'localhost:7101',
      'gitlab.example.com',
    ]);
  });

  it("lets a template's allowedHosts narrow the hosts but never add one", async () => {
    await renderForm({
      config: portalConfig(['localhost:7101', 'gitlab.example.com']),
      uiOptions: { allowedHosts: ['gitlab.example.com', 'github.com'] },
    });
    expect(await offeredHosts()).toEqual(['gitlab.example.com']);
  });

  it('keeps the template’s other options (allowedOwners, allowedRepos)', async () => {
    await renderForm({
      config: portalConfig(['gitlab.example.com']),
      uiOptions: {
        allowedOwners: ['platform'],
        allowedRepos: ['infrastructure'],
      },
    });
    await offeredHosts();
    await review();
    expect(
      await screen.findByText(
        'gitlab.example.com?owner=platform&repo=infrastructure',
      ),
    ).toBeInTheDocument();
  });

  it('refuses a host the portal does not publish to, as from a template default', async () => {
    await renderForm({
      config: portalConfig(['gitlab.example.com']),
      repoUrl: 'localhost:7101?owner=commerce&repo=orders',
    });
    await offeredHosts();
    await review();
    // In the form's error list and under the field.
    expect(
      await screen.findAllByText(
        /The portal does not publish to localhost:7101 \(allowed: gitlab\.example\.com; scaffolder\.platform\.allowedHosts\)/,
      ),
    ).not.toHaveLength(0);
    expect(
      screen.queryByText('localhost:7101?owner=commerce&repo=orders'),
    ).not.toBeInTheDocument();
  });

  it('says why when no host is left to offer', async () => {
    await renderForm({
      config: portalConfig(['gitlab.example.com']),
      uiOptions: { allowedHosts: ['localhost:7101'] },
    });
    expect(
      await screen.findByText(/No repository host is allowed here/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('host-select')).not.toBeInTheDocument();
  });
});
