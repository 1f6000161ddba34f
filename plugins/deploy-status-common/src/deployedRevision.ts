import { ArgoCdApplicationStatus } from './types';

/**
 * The revision an environment runs: that of its first application by name which names one. An
 * environment of several applications (a service split in two, a migration job beside it) runs
 * one revision of one repository in practice; the name order makes the choice the same on every
 * page and in the backend's promotion lag.
 */
export function deployedRevisionOf(
  applications: ArgoCdApplicationStatus[],
): string | undefined {
  return [...applications]
    .sort((a, b) => a.name.localeCompare(b.name))
    .find(app => app.revision)?.revision;
}
