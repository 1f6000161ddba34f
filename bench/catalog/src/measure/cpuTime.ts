import fs from 'node:fs/promises';

/**
 * CPU time spent so far, in seconds, read from Linux's /proc. Wall-clock load times on these
 * shared 2-core machines swing by 10–25 % between identical runs; CPU time counts the work done,
 * so comparing it tells "the portal does more" apart from "the machine was slower then".
 */
export interface CpuTimes {
  /** The benchmark backend (user + system). */
  backendS: number;
  /** Every `postgres` process, including those that exited (counted in their parent's). */
  postgresS: number;
  /** Every process of the machine (user, nice, system, irq, softirq). */
  machineBusyS: number;
  /** Time the hypervisor gave these CPUs to someone else while they had work. */
  machineStealS: number;
}

/** /proc reports in USER_HZ, which Linux fixes at 100 ticks per second for user space. */
const TICKS_PER_SECOND = 100;

/**
 * The fields of /proc/<pid>/stat after the command name (which may contain spaces and
 * parentheses, so the split is at the last `)`): index 0 is the state, 11–14 are utime, stime,
 * cutime, cstime.
 */
export function parseProcessStat(stat: string) {
  const close = stat.lastIndexOf(')');
  const command = stat.slice(stat.indexOf('(') + 1, close);
  const fields = stat
    .slice(close + 2)
    .split(' ')
    .map(Number);
  return {
    command,
    ownTicks: fields[11] + fields[12],
    reapedChildrenTicks: fields[13] + fields[14],
  };
}

/** The machine's busy and stolen ticks from the first line of /proc/stat. */
export function parseMachineStat(stat: string) {
  const line = stat.split('\n').find(l => l.startsWith('cpu '));
  if (!line) throw new Error('/proc/stat has no "cpu" line');
  const [user, nice, system, , , irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { busyTicks: user + nice + system + irq + softirq, stealTicks: steal };
}

async function readProcessStat(pid: string | number) {
  try {
    return parseProcessStat(await fs.readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // the process exited meanwhile
  }
}

async function readPostgresTicks(): Promise<number> {
  const pids = (await fs.readdir('/proc')).filter(name => /^\d+$/.test(name));
  const stats = await Promise.all(pids.map(readProcessStat));
  // A backend that exited moves into the postmaster's reaped-children time, so summing both
  // over every postgres process counts each tick once.
  return stats
    .filter(stat => stat?.command === 'postgres')
    .reduce((sum, stat) => sum + stat!.ownTicks + stat!.reapedChildrenTicks, 0);
}

export async function readCpuTimes(backendPid: number): Promise<CpuTimes> {
  const [backend, postgresTicks, machine] = await Promise.all([
    readProcessStat(backendPid),
    readPostgresTicks(),
    fs.readFile('/proc/stat', 'utf8').then(parseMachineStat),
  ]);
  if (!backend) throw new Error(`Process ${backendPid} is gone`);
  return {
    backendS: backend.ownTicks / TICKS_PER_SECOND,
    postgresS: postgresTicks / TICKS_PER_SECOND,
    machineBusyS: machine.busyTicks / TICKS_PER_SECOND,
    machineStealS: machine.stealTicks / TICKS_PER_SECOND,
  };
}

/** CPU time spent between two readings, to the tick (0.01 s). */
export function cpuTimeBetween(before: CpuTimes, after: CpuTimes): CpuTimes {
  const spent = (key: keyof CpuTimes) =>
    Math.round((after[key] - before[key]) * TICKS_PER_SECOND) /
    TICKS_PER_SECOND;
  return {
    backendS: spent('backendS'),
    postgresS: spent('postgresS'),
    machineBusyS: spent('machineBusyS'),
    machineStealS: spent('machineStealS'),
  };
}
