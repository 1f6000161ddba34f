import {
  CommitSummary,
  PromotionLag,
} from '@internal/plugin-deploy-status-common';

const sameCommit = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/**
 * How far `revision` is behind `lowerRevision` (what runs in the environment below) on the default
 * branch: the commits between them, and when the oldest of those was made. Read from the newest
 * commits of the default branch (newest first); a revision older than those, or not on the
 * default branch, gives no count and says so.
 */
export function promotionLag(options: {
  behind: string;
  revision: string;
  lowerRevision: string;
  commits: CommitSummary[];
}): PromotionLag {
  const { behind, revision, lowerRevision, commits } = options;
  if (sameCommit(revision, lowerRevision)) {
    return { behind, commits: 0 };
  }
  const here = commits.findIndex(c => sameCommit(c.sha, revision));
  const below = commits.findIndex(c => sameCommit(c.sha, lowerRevision));
  if (here === -1 || below === -1) {
    const missing = here === -1 ? revision : lowerRevision;
    return {
      behind,
      message: `revision ${missing.slice(0, 8)} is not among the last ${
        commits.length
      } commits of the default branch`,
    };
  }
  if (here < below) {
    // This environment runs something newer than the one below: ahead, not behind.
    return { behind, commits: 0 };
  }
  return {
    behind,
    commits: here - below,
    since: commits[here - 1].committedAt,
  };
}
