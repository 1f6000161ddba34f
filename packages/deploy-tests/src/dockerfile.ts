/** One instruction of a Dockerfile, continuation lines joined. */
export interface DockerInstruction {
  keyword: string;
  /** Everything after the keyword, flags included. */
  args: string;
  /** The stage it belongs to, counted from 0 at the first FROM. */
  stage: number;
}

/** The instructions of a Dockerfile, without comments. */
export function parseDockerfile(text: string): DockerInstruction[] {
  const instructions: DockerInstruction[] = [];
  let pending = '';
  let stage = -1;
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line) || (line.trim() === '' && pending === '')) continue;
    pending += `${line.replace(/\\\s*$/, '').trim()} `;
    if (/\\\s*$/.test(line)) continue;
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(pending.trim())!;
    pending = '';
    if (keyword.toUpperCase() === 'FROM') stage += 1;
    instructions.push({ keyword: keyword.toUpperCase(), args, stage });
  }
  return instructions;
}

/** The commands of a tool the header comment documents (`#   yarn …` lines), in order. */
export function documentedCommands(text: string, tool: string): string[] {
  const lines = text.split('\n');
  const end = lines.findIndex(line => !/^\s*(#.*)?$/.test(line));
  return lines
    .slice(0, end === -1 ? undefined : end)
    .map(line => /^#\s+(\S+\s.*?)\s*(#.*)?$/.exec(line)?.[1] ?? '')
    .filter(command => command.startsWith(`${tool} `));
}

/** Flags (`--from=x`, `--mount=…`) and the other words of an instruction. */
function splitFlags(args: string) {
  const words = args.split(/\s+/).filter(Boolean);
  return {
    flags: words.filter(word => word.startsWith('--')),
    rest: words.filter(word => !word.startsWith('--')),
  };
}

/**
 * The paths of the build context an instruction reads: a COPY's sources (not a COPY from
 * another stage), a RUN's bind mounts.
 */
export function contextSources(instruction: DockerInstruction): string[] {
  const { flags, rest } = splitFlags(instruction.args);
  if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
    if (flags.some(flag => flag.startsWith('--from='))) return [];
    return rest.slice(0, -1);
  }
  if (instruction.keyword === 'RUN') {
    return flags
      .filter(flag => flag.startsWith('--mount=') && flag.includes('type=bind'))
      .map(flag => /(?:source|src)=([^,\s]+)/.exec(flag)?.[1])
      .filter((source): source is string => source !== undefined);
  }
  return [];
}

/** The exec-form command of a CMD or ENTRYPOINT. */
export function execForm(instruction: DockerInstruction): string[] {
  return JSON.parse(instruction.args) as string[];
}
