/** The editor CLI's arguments: a command, its text argument, and the few `--flags` the commands know. */
const FLAGS = ['--json', '--strict', '--explain', '--write'] as const;
export type Flag = (typeof FLAGS)[number];

export interface Args {
  command?: string;
  /** The rest, joined: a search query may be several words. */
  argument: string;
  flags: ReadonlySet<Flag>;
}

const isFlag = (arg: string): arg is Flag => (FLAGS as readonly string[]).includes(arg);

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv.filter((arg) => !isFlag(arg));
  return { command, argument: rest.join(' ').trim(), flags: new Set(argv.filter(isFlag)) };
}
