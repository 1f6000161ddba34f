import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { JsonAnswer } from '../http/jsonServer';
import { notFound, ok, paginated } from './gitlabAnswers';
import { GITLAB_ORIGIN, number } from './gitlabObjects';

type Obj = Record<string, any>;

/** A GitLab group of the example company: a Group of examples/org.yaml. */
export interface SandboxGroup {
  id: number;
  /** The Group's title (GitLab's group name). */
  name: string;
  /** The Group's name (GitLab's path segment). */
  path: string;
  fullPath: string;
  description: string;
  parentId: number | null;
  /** Usernames of its direct members. */
  members: string[];
}

/** A GitLab account: a User of examples/org.yaml with an email, or the sandbox's newcomer. */
export interface SandboxPerson {
  id: number;
  username: string;
  name: string;
  email: string;
}

/**
 * An account GitLab knows that is in no group of the company, so the organisation import leaves
 * it out: someone who signs in with it has no User in the catalog.
 */
export const NEWCOMER: Omit<SandboxPerson, 'id'> = {
  username: 'sam.newcomer',
  name: 'Sam Newcomer',
  email: 'sam.newcomer@example.com',
};

const CREATED_AT = '2024-01-08T09:00:00.000Z';
/** GitLab's Developer role, which every member of the sandbox's groups has. */
const DEVELOPER = 30;

const groupGid = (id: number) => `gid://gitlab/Group/${id}`;
const userGid = (id: number) => `gid://gitlab/User/${id}`;
const avatarOf = (username: string) =>
  `${GITLAB_ORIGIN}/uploads/-/system/user/avatar/${username}.png`;

/**
 * The example company as GitLab holds it, for the GitLab organisation import
 * (@backstage/plugin-catalog-backend-module-gitlab-org): the Group without a parent is the
 * top-level group (`acme`), every other Group a subgroup of its parent (`acme/platform-team`),
 * the Users with an email are the accounts. Everyone is a direct member of the top-level group,
 * which `restrictUsersToGroup` reads people from, and of the groups whose `members` or whose
 * `memberOf` name them. The answers are the ones an administrator's token gets (with emails).
 */
export class SandboxOrganisation {
  private constructor(
    readonly groups: SandboxGroup[],
    readonly people: SandboxPerson[],
  ) {}

  /** From examples/org.yaml, plus the NEWCOMER account. */
  static fromOrgFile(file: string): SandboxOrganisation {
    const entities = parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(doc => doc.toJS())
      .filter(Boolean);
    const groupEntities = entities.filter(e => e.kind === 'Group');
    const userEntities = entities.filter(
      e => e.kind === 'User' && e.spec?.profile?.email,
    );
    const people = [
      ...userEntities.map(u => ({
        username: String(u.metadata.name),
        name: String(u.spec.profile.displayName ?? u.metadata.name),
        email: String(u.spec.profile.email),
      })),
      NEWCOMER,
    ].map(p => ({ ...p, id: number(p.username) % 1000 }));
    const accounts = new Set(userEntities.map(u => String(u.metadata.name)));

    const byName = new Map(groupEntities.map(g => [g.metadata.name, g]));
    const fullPathOf = (name: string, seen: string[] = []): string => {
      const parent = byName.get(name)?.spec?.parent;
      if (!parent || seen.includes(name)) return name;
      return `${fullPathOf(parent, [...seen, name])}/${name}`;
    };
    const roots = groupEntities
      .filter(g => !g.spec?.parent)
      .map(g => g.metadata.name);
    const groups = groupEntities.map((g): SandboxGroup => {
      const name = String(g.metadata.name);
      const fullPath = fullPathOf(name);
      const members = new Set<string>([
        ...(g.spec?.members ?? []),
        ...userEntities
          .filter(u => (u.spec.memberOf ?? []).includes(name))
          .map(u => String(u.metadata.name)),
        ...(roots.includes(name) ? accounts : []),
      ]);
      return {
        id: number(fullPath) % 1000,
        name: String(g.metadata.title ?? name),
        path: name,
        fullPath,
        description: String(g.metadata.description ?? ''),
        parentId: g.spec?.parent
          ? number(fullPathOf(g.spec.parent)) % 1000
          : null,
        members: [...members].filter(m => accounts.has(m)).sort(),
      };
    });
    return new SandboxOrganisation(
      groups.sort((a, b) => a.fullPath.localeCompare(b.fullPath)),
      people.sort((a, b) => a.username.localeCompare(b.username)),
    );
  }

  private group(idOrPath: string): SandboxGroup | undefined {
    const key = decodeURIComponent(idOrPath);
    return this.groups.find(g => String(g.id) === key || g.fullPath === key);
  }

  private descendantsOf(group: SandboxGroup): SandboxGroup[] {
    return this.groups.filter(g => g.fullPath.startsWith(`${group.fullPath}/`));
  }

  private ancestorsOf(group: SandboxGroup): SandboxGroup[] {
    return this.groups.filter(g => group.fullPath.startsWith(`${g.fullPath}/`));
  }

  private person(username: string): SandboxPerson {
    return this.people.find(p => p.username === username)!;
  }

  /** Direct members, then (GitLab's `members/all`) those inherited from ancestor groups. */
  private membersOf(group: SandboxGroup, inherited: boolean): SandboxPerson[] {
    const usernames = new Set([
      ...group.members,
      ...(inherited ? this.ancestorsOf(group).flatMap(g => g.members) : []),
    ]);
    return this.people.filter(p => usernames.has(p.username));
  }

  private groupObject(group: SandboxGroup): Obj {
    const parent = this.groups.find(g => g.id === group.parentId);
    return {
      id: group.id,
      name: group.name,
      path: group.path,
      description: group.description,
      visibility: 'internal',
      share_with_group_lock: false,
      require_two_factor_authentication: false,
      two_factor_grace_period: 48,
      project_creation_level: 'developer',
      auto_devops_enabled: null,
      subgroup_creation_level: 'owner',
      emails_disabled: null,
      emails_enabled: null,
      mentions_disabled: null,
      lfs_enabled: true,
      default_branch: null,
      default_branch_protection: 2,
      avatar_url: null,
      web_url: `${GITLAB_ORIGIN}/groups/${group.fullPath}`,
      request_access_enabled: false,
      full_name: parent
        ? `${this.groupObject(parent).full_name} / ${group.name}`
        : group.name,
      full_path: group.fullPath,
      parent_id: group.parentId,
      created_at: CREATED_AT,
    };
  }

  private memberObject(person: SandboxPerson): Obj {
    return {
      id: person.id,
      username: person.username,
      name: person.name,
      state: 'active',
      avatar_url: avatarOf(person.username),
      web_url: `${GITLAB_ORIGIN}/${person.username}`,
      created_at: CREATED_AT,
      expires_at: null,
      access_level: DEVELOPER,
      email: person.email,
      group_saml_identity: null,
    };
  }

  private userObject(person: SandboxPerson): Obj {
    return {
      id: person.id,
      username: person.username,
      email: person.email,
      name: person.name,
      state: 'active',
      locked: false,
      avatar_url: avatarOf(person.username),
      web_url: `${GITLAB_ORIGIN}/${person.username}`,
      created_at: CREATED_AT,
      is_admin: false,
      bio: '',
      location: null,
      organization: '',
      job_title: '',
      last_sign_in_at: null,
      confirmed_at: CREATED_AT,
      identities: [],
      can_create_group: true,
      can_create_project: true,
      two_factor_enabled: true,
      external: false,
      private_profile: false,
    };
  }

  /** `GET /api/v4/user` for a person signed in through OAuth, in the fields of GitLab's example. */
  currentUserObject(person: SandboxPerson): Obj {
    // A regular user's own view: no `is_admin` (an administrator's list shows it).
    const { is_admin: _isAdmin, ...user } = this.userObject(person);
    return {
      ...user,
      public_email: person.email,
      bot: false,
      commit_email: person.email,
    };
  }

  /**
   * `GET /api/v4/groups…` and `/api/v4/users…` (path segments after `/api/v4/`); undefined for
   * a route it does not serve.
   */
  route(parts: string[], query: URLSearchParams): JsonAnswer | undefined {
    if (parts[0] === 'users') {
      if (parts.length === 1) {
        const username = query.get('username');
        const search = query.get('search')?.toLowerCase();
        return paginated(
          this.people
            .filter(p => !username || p.username === username)
            .filter(
              p =>
                !search ||
                [p.username, p.name, p.email].some(v =>
                  v.toLowerCase().includes(search),
                ),
            )
            .map(p => this.userObject(p)),
          query,
        );
      }
      const person = this.people.find(p => String(p.id) === parts[1]);
      if (parts.length === 2) {
        return person ? ok(this.userObject(person)) : notFound('User');
      }
      return undefined;
    }
    if (parts[0] !== 'groups') return undefined;
    if (parts.length === 1) {
      const search = query.get('search')?.toLowerCase();
      const topLevelOnly = query.get('top_level_only') === 'true';
      return paginated(
        this.groups
          .filter(g => !topLevelOnly || g.parentId === null)
          .filter(
            g =>
              !search ||
              g.fullPath.toLowerCase().includes(search) ||
              g.name.toLowerCase().includes(search),
          )
          .map(g => this.groupObject(g)),
        query,
      );
    }
    const group = this.group(parts[1]);
    const rest = parts.slice(2).join('/');
    if (!group) return notFound('Group');
    if (rest === '') return ok(this.groupObject(group));
    if (rest === 'subgroups' || rest === 'descendant_groups') {
      const groups =
        rest === 'subgroups'
          ? this.groups.filter(g => g.parentId === group.id)
          : this.descendantsOf(group);
      return paginated(
        groups.map(g => this.groupObject(g)),
        query,
      );
    }
    if (rest === 'members' || rest === 'members/all') {
      return paginated(
        this.membersOf(group, rest === 'members/all').map(p =>
          this.memberObject(p),
        ),
        query,
      );
    }
    const member = rest.match(/^members(\/all)?\/(\d+)$/);
    if (member) {
      const found = this.membersOf(group, Boolean(member[1])).find(
        p => String(p.id) === member[2],
      );
      return found ? ok(this.memberObject(found)) : notFound('Member');
    }
    return undefined;
  }

  /**
   * `POST /api/graphql`: the two queries the organisation import sends (`listDescendantGroups`,
   * `getGroupMembers`), with GitLab's `relations` (DIRECT always, INHERITED, DESCENDANTS) and
   * cursor paging; any other query gets a GraphQL error.
   */
  graphql(body: Record<string, unknown> | undefined): JsonAnswer {
    const query = String(body?.query ?? '');
    const variables = (body?.variables ?? {}) as {
      group?: string;
      relations?: string[];
      endCursor?: string | null;
    };
    const group = variables.group ? this.group(variables.group) : undefined;
    const page = <T>(items: T[]) => {
      const start = Number(variables.endCursor ?? 0) || 0;
      const end = start + 100;
      return {
        nodes: items.slice(start, end),
        pageInfo: {
          endCursor: end < items.length ? String(end) : null,
          hasNextPage: end < items.length,
        },
      };
    };
    if (/\bdescendantGroups\s*\(/.test(query)) {
      return ok({
        data: {
          group: group
            ? {
                descendantGroups: page(
                  this.descendantsOf(group).map(g => ({
                    id: groupGid(g.id),
                    name: g.name,
                    description: g.description,
                    fullPath: g.fullPath,
                    visibility: 'internal',
                    parent: { id: groupGid(g.parentId!) },
                  })),
                ),
              }
            : null,
        },
      });
    }
    if (/\bgroupMembers\s*\(/.test(query)) {
      const relations = new Set(['DIRECT', ...(variables.relations ?? [])]);
      const usernames = group
        ? new Set([
            ...group.members,
            ...(relations.has('INHERITED')
              ? this.ancestorsOf(group).flatMap(g => g.members)
              : []),
            ...(relations.has('DESCENDANTS')
              ? this.descendantsOf(group).flatMap(g => g.members)
              : []),
          ])
        : new Set<string>();
      return ok({
        data: {
          group: group
            ? {
                groupMembers: page(
                  [...usernames].sort().map(username => {
                    const p = this.person(username);
                    return {
                      user: {
                        id: userGid(p.id),
                        username: p.username,
                        publicEmail: p.email,
                        name: p.name,
                        state: 'active',
                        webUrl: `${GITLAB_ORIGIN}/${p.username}`,
                        avatarUrl: avatarOf(p.username),
                      },
                    };
                  }),
                ),
              }
            : null,
        },
      });
    }
    return ok({
      errors: [
        {
          message:
            'The sandbox GitLab answers the organisation import’s listDescendantGroups and getGroupMembers queries only',
        },
      ],
    });
  }
}
