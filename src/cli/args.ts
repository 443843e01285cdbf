/**
 * The editor CLI's arguments: a command, its text argument, the few `--flags` the commands know, and the options
 * that take a value (`--chart FILE`, or `--chart=FILE`).
 */
const FLAGS = ['--json', '--strict', '--explain', '--write'] as const;
export type Flag = (typeof FLAGS)[number];
const VALUE_OPTIONS = ['--chart'] as const;
export type ValueOption = (typeof VALUE_OPTIONS)[number];

export interface Args {
  command?: string;
  /** The rest, joined: a search query may be several words. */
  argument: string;
  flags: ReadonlySet<Flag>;
  /** Each option given with its value (the last, if given twice). */
  values: ReadonlyMap<ValueOption, string>;
  /** An option given with no value after it. */
  missing?: ValueOption;
}

const isFlag = (arg: string): arg is Flag => (FLAGS as readonly string[]).includes(arg);
const isValueOption = (arg: string): arg is ValueOption => (VALUE_OPTIONS as readonly string[]).includes(arg);

export function parseArgs(argv: readonly string[]): Args {
  const words: string[] = [];
  const flags = new Set<Flag>();
  const values = new Map<ValueOption, string>();
  let missing: ValueOption | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const [name = '', inline] = arg.startsWith('--') ? splitOnce(arg) : [arg];
    if (isFlag(arg)) flags.add(arg);
    else if (isValueOption(name)) {
      // The value is the next word unless that is another option: `--chart --json` lacks its file.
      const value = inline ?? argv[index + 1];
      if (inline === undefined && value !== undefined && !isFlag(value) && !isValueOption(value)) index++;
      if (value === undefined || value === '' || isFlag(value) || isValueOption(value)) missing = name;
      else values.set(name, value);
    } else words.push(arg);
  }
  const [command, ...rest] = words;
  return { command, argument: rest.join(' ').trim(), flags, values, ...(missing ? { missing } : {}) };
}

/** `--chart=out.png` as the option and its value. */
function splitOnce(arg: string): [string, string?] {
  const at = arg.indexOf('=');
  return at < 0 ? [arg] : [arg.slice(0, at), arg.slice(at + 1)];
}
