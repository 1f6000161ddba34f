import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { gitlabExample, shapeMismatches } from '../__testUtils__/contracts';
import { Sandbox, startSandbox, SANDBOX_TOKENS } from '../startSandbox';
import { SandboxClock } from '../world/clock';
import { NEWCOMER } from './gitlabOrganisation';

const examplesDir = path.resolve(__dirname, '../../../../examples');
const org = parseAllDocuments(
  fs.readFileSync(path.join(examplesDir, 'org.yaml'), 'utf8'),
).map(doc => doc.toJS());
const accounts = org.filter(e => e.kind === 'User' && e.spec.profile.email);
const teams = org.filter(e => e.kind === 'Group' && e.spec.parent);

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    examplesDir,
    clock: SandboxClock.fixed(Date.UTC(2026, 0, 5, 9)),
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
});
afterAll(() => sandbox.close());

async function rest(route: string, token = SANDBOX_TOKENS.gitlab) {
  const response = await fetch(`${sandbox.urls.gitlab}/api/v4${route}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

/** As the organisation import asks (`listDescendantGroups`, `getGroupMembers`). */
async function graphql(query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${sandbox.urls.gitlab}/api/graphql`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${SANDBOX_TOKENS.gitlab}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}
const DESCENDANTS = `query listDescendantGroups($group: ID!, $endCursor: String) {
  group(fullPath: $group) { descendantGroups(first: 100, after: $endCursor) {
    nodes { id name description fullPath visibility parent { id } }
    pageInfo { endCursor hasNextPage } } } }`;
const MEMBERS = `query getGroupMembers($group: ID!, $relations: [GroupMemberRelation!], $endCursor: String) {
  group(fullPath: $group) { groupMembers(first: 100, relations: $relations, after: $endCursor) {
    nodes { user { id username publicEmail name state webUrl avatarUrl } }
    pageInfo { endCursor hasNextPage } } } }`;

/**
 * GitLab's documented example of a list, its items merged: the members examples show `email`
 * on one member only (GitLab sends it where the token may see it; the sandbox's is an
 * administrator's).
 */
const mergedExample = (file: string) => [
  Object.assign({}, ...gitlabExample(file)),
];

describe('the sandbox GitLab’s organisation', () => {
  it('answers groups, subgroups and descendants in the fields of GitLab’s documented examples', async () => {
    const groups = await rest('/groups?all_available=true&per_page=100');
    expect(groups.status).toBe(200);
    expect(groups.body.map((g: any) => g.full_path)).toEqual([
      'acme',
      ...teams.map(t => `acme/${t.metadata.name}`).sort(),
    ]);
    expect(
      shapeMismatches(gitlabExample('docs-groups-list.json'), groups.body),
    ).toEqual([]);

    const acme = await rest('/groups/acme');
    expect(acme.body).toMatchObject({ full_path: 'acme', parent_id: null });
    const byId = await rest(`/groups/${acme.body.id}`);
    expect(byId.body).toEqual(acme.body);

    for (const [route, example] of [
      ['subgroups', 'docs-group-subgroups.json'],
      ['descendant_groups', 'docs-group-descendant-groups.json'],
    ]) {
      const answer = await rest(`/groups/acme/${route}`);
      expect(answer.body).toHaveLength(teams.length);
      expect(shapeMismatches(gitlabExample(example), answer.body)).toEqual([]);
      expect(answer.body.every((g: any) => g.parent_id === acme.body.id)).toBe(
        true,
      );
    }
    const platform = await rest(
      `/groups/${encodeURIComponent('acme/platform-team')}`,
    );
    expect(platform.body).toMatchObject({
      name: 'Platform',
      path: 'platform-team',
      full_name: 'Acme / Platform',
      description:
        'Runs the portal, the CI templates, the clusters and Argo CD',
    });
  });

  it('has every account of examples/org.yaml in the company group, and each in its team', async () => {
    const all = await rest('/groups/acme/members/all?per_page=100');
    expect(
      shapeMismatches(mergedExample('docs-group-members-all.json'), all.body),
    ).toEqual([]);
    expect(
      all.body.map((m: any) => [m.username, m.email, m.state]).sort(),
    ).toEqual(
      accounts
        .map(u => [u.metadata.name, u.spec.profile.email, 'active'])
        .sort(),
    );
    // The development sign-in identity is no GitLab account; the newcomer is in no group.
    const usernames = all.body.map((m: any) => m.username);
    expect(usernames).not.toContain('guest');
    expect(usernames).not.toContain(NEWCOMER.username);

    for (const team of teams) {
      const members = await rest(
        `/groups/acme%2F${team.metadata.name}/members`,
      );
      expect(
        shapeMismatches(
          mergedExample('docs-group-members-list.json'),
          members.body,
        ),
      ).toEqual([]);
      expect(members.body.map((m: any) => m.username).sort()).toEqual(
        accounts
          .filter(u => u.spec.memberOf.includes(team.metadata.name))
          .map(u => u.metadata.name)
          .sort(),
      );
      // members/all adds who the company group's membership passes down: everyone.
      const inherited = await rest(
        `/groups/acme%2F${team.metadata.name}/members/all`,
      );
      expect(inherited.body).toHaveLength(accounts.length);
    }
  });

  it('knows every account, the newcomer too, as users in the fields of GitLab’s administrator example', async () => {
    const users = await rest('/users?active=true&per_page=100');
    expect(
      shapeMismatches(gitlabExample('docs-users-list-admin.json'), users.body),
    ).toEqual([]);
    expect(users.body.map((u: any) => u.username).sort()).toEqual(
      [...accounts.map(u => u.metadata.name), NEWCOMER.username].sort(),
    );
    const ids = users.body.map((u: any) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(1); // the token's own user, portal-bot

    const ada = await rest('/users?username=ada.lovelace');
    expect(ada.body).toEqual([
      expect.objectContaining({ email: 'ada.lovelace@example.com' }),
    ]);
    expect((await rest(`/users/${ada.body[0].id}`)).body).toEqual(ada.body[0]);
    expect(
      (await rest('/users?search=grace.hopper@example.com')).body.map(
        (u: any) => u.username,
      ),
    ).toEqual(['grace.hopper']);
  });

  it('answers the organisation import’s GraphQL queries with what the REST API says', async () => {
    const descendants = await graphql(DESCENDANTS, { group: 'acme' });
    const listed = await rest('/groups/acme/descendant_groups?per_page=100');
    const nodes = descendants.body.data.group.descendantGroups.nodes;
    expect(nodes).toEqual(
      listed.body.map((g: any) => ({
        id: `gid://gitlab/Group/${g.id}`,
        name: g.name,
        description: g.description,
        fullPath: g.full_path,
        visibility: g.visibility,
        parent: { id: `gid://gitlab/Group/${g.parent_id}` },
      })),
    );
    expect(descendants.body.data.group.descendantGroups.pageInfo).toEqual({
      endCursor: null,
      hasNextPage: false,
    });

    for (const group of ['acme', 'acme/checkout-team']) {
      const direct = await graphql(MEMBERS, { group, relations: ['DIRECT'] });
      const members = await rest(
        `/groups/${encodeURIComponent(group)}/members`,
      );
      expect(
        direct.body.data.group.groupMembers.nodes.map((n: any) => n.user),
      ).toEqual(
        members.body.map((m: any) => ({
          id: `gid://gitlab/User/${m.id}`,
          username: m.username,
          publicEmail: m.email,
          name: m.name,
          state: m.state,
          webUrl: m.web_url,
          avatarUrl: m.avatar_url,
        })),
      );
    }
    const withInherited = await graphql(MEMBERS, {
      group: 'acme/checkout-team',
      relations: ['INHERITED'],
    });
    expect(withInherited.body.data.group.groupMembers.nodes).toHaveLength(
      accounts.length,
    );

    expect((await graphql(DESCENDANTS, { group: 'nope' })).body).toEqual({
      data: { group: null },
    });
    expect((await graphql('query { currentUser { id } }', {})).body).toEqual({
      errors: [{ message: expect.stringContaining('listDescendantGroups') }],
    });
  });

  it('answers an unknown group in GitLab’s format, and checks the token', async () => {
    expect(await rest('/groups/nope')).toEqual({
      status: 404,
      body: { message: '404 Group Not Found' },
    });
    expect(await rest('/groups/acme/members/all', 'wrong')).toEqual({
      status: 401,
      body: { message: '401 Unauthorized' },
    });
  });
});
