/** The parts of a RepoUrlPicker value. */
export interface RepoUrlParts {
  host: string;
  /** GitLab group path (may be nested: `commerce/payments`). */
  owner?: string;
  repo?: string;
}

/**
 * Parses the RepoUrlPicker format `host?owner=group&repo=project` (what publish:gitlab takes),
 * or undefined when the value is not in that format.
 */
export function parseRepoUrlPickerValue(
  value: string,
): RepoUrlParts | undefined {
  if (!/^[^?/\s]+\?/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(`https://${value}`);
  } catch {
    return undefined;
  }
  return {
    host: url.host,
    owner: url.searchParams.get('owner') ?? undefined,
    repo: url.searchParams.get('repo') ?? undefined,
  };
}
