/**
 * Local stand-ins for Argo CD, Kubernetes and Datadog in their own wire formats, coherent with
 * examples/, for development, demos and tests. Wired in by configuration only.
 *
 * @packageDocumentation
 */

export { startSandbox, SANDBOX_PORTS, SANDBOX_TOKENS } from './startSandbox';
export type { Sandbox, SandboxOptions } from './startSandbox';
export { SandboxClock } from './world/clock';
export { seededTrouble, DEFAULT_SEED } from './world/seededTrouble';
