import {
  cpuTimeBetween,
  parseMachineStat,
  parseProcessStat,
  readCpuTimes,
} from './cpuTime';

describe('parseProcessStat', () => {
  it('reads the times after a command name with spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    // utime stime cutime cstime …
    const stat =
      '4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194560 10 0 0 0 150 25 7 3 20 0 1 0';
    expect(parseProcessStat(stat)).toEqual({
      command: 'postgres: a (b) c',
      ownTicks: 175,
      reapedChildrenTicks: 10,
    });
  });
});

describe('parseMachineStat', () => {
  it('counts user, nice, system, irq and softirq as busy, steal apart, idle and iowait not at all', () => {
    const stat = [
      'cpu  1000 5 300 90000 40 0 20 7 0 0',
      'cpu0 500 2 150 45000 20 0 10 3 0 0',
    ].join('\n');
    expect(parseMachineStat(stat)).toEqual({
      busyTicks: 1325,
      stealTicks: 7,
    });
  });
});

describe('readCpuTimes', () => {
  it('sees this process spend CPU', async () => {
    const before = await readCpuTimes(process.pid);
    const until = Date.now() + 300;
    let spin = 0;
    while (Date.now() < until) spin += Math.sqrt(spin + 1);
    const spent = cpuTimeBetween(before, await readCpuTimes(process.pid));
    expect(spin).toBeGreaterThan(0);
    expect(spent.backendS).toBeGreaterThanOrEqual(0.2);
    // The machine's busy time includes this process's.
    expect(spent.machineBusyS).toBeGreaterThanOrEqual(spent.backendS - 0.02);
  });

  it('fails for a process that does not exist', async () => {
    await expect(readCpuTimes(2 ** 30)).rejects.toThrow('is gone');
  });
});

describe('cpuTimeBetween', () => {
  it('gives each difference to the tick, without float residue', () => {
    const before = {
      backendS: 0.1,
      postgresS: 10.2,
      machineBusyS: 100.7,
      machineStealS: 0.01,
    };
    const after = {
      backendS: 35.71,
      postgresS: 52.78,
      machineBusyS: 179.44,
      machineStealS: 0.02,
    };
    expect(cpuTimeBetween(before, after)).toEqual({
      backendS: 35.61,
      postgresS: 42.58,
      machineBusyS: 78.74,
      machineStealS: 0.01,
    });
  });
});
