/** One thing wrong in a rendered workspace, where an editor would jump to it. */
export interface WorkspaceProblem {
  /** Path relative to the validated directory, with forward slashes. */
  file: string;
  /** 1-based line number. */
  line: number;
  message: string;
}

/** `file:line: message`, the form compilers and editors understand. */
export function formatWorkspaceProblem(problem: WorkspaceProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Orders problems by file, then line, so a long list reads top to bottom. */
export function sortWorkspaceProblems(
  problems: WorkspaceProblem[],
): WorkspaceProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line,
  );
}
