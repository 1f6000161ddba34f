import fs from 'node:fs/promises';

/** Resident set size now and at its peak, in MiB, from Linux's /proc/<pid>/status. */
export async function readProcessMemory(
  pid: number,
): Promise<{ rssMiB: number; peakRssMiB: number }> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => {
    const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]);
  };
  return {
    rssMiB: Math.round(kib('VmRSS') / 1024),
    peakRssMiB: Math.round(kib('VmHWM') / 1024),
  };
}
