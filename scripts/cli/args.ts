/**
 * Command-line parsing shared by the metrics CLI and the pack builder: Node's `util.parseArgs` in
 * strict mode, one table of options that also writes `--help`, and refusals that name the flag.
 * A new flag is one entry in a command's option table.
 */
import { parseArgs } from 'node:util';
import { describeError } from '../../src/shared/errors';
import { parseDecimal } from '../../src/shared/decimal';

/** Exit code for bad input or usage (a refused flag, file or value). */
export const EXIT_BAD_INPUT = 2;

/** A refusal of the command line or its input; the CLIs print it after their name and exit 2. */
export class UsageError extends Error {}

/** One option: what parseArgs needs, plus a line of help. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Repeatable (`--threshold 0.5 --threshold 0.6`). */
  multiple?: boolean;
  /** One-letter alias, e.g. `h` for `--help`. */
  short?: string;
  /** What the value is, shown in the help: `<file>`, `<0..1>`. */
  value?: string;
  /** One line (or a few) saying what the option does and its default. */
  help: string;
}

/** A command's options by long name. */
export type OptionTable = Record<string, OptionSpec>;

/** What a command line holds after parsing: option values by long name, then positionals. */
export interface ParsedCommandLine {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** Looks like a negative number: parseArgs would take it for an option, so it is joined to its flag. */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * `--fmr-target -0.5` becomes `--fmr-target=-0.5`, so a negative value reaches the range check
 * (and its message) instead of parseArgs' "ambiguous argument".
 */
function joinNegativeValues(argv: readonly string[], table: OptionTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (name !== undefined && table[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** parseArgs' error as a sentence naming the flag (its own text suggests `--` tricks). */
function describeParseError(error: unknown, table: OptionTable): string {
  const code = (error as { code?: string }).code;
  const message = describeError(error);
  const flag = /'(-[^' ,]+)/.exec(message)?.[1] ?? /--[\w-]+/.exec(message)?.[0] ?? 'an option';
  const long = message.match(/--[\w-]+/)?.[0] ?? flag;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const guess = suggestOption(flag, table);
    return `unknown option ${flag}${guess ? ` (did you mean --${guess}?)` : ''}; see --help.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `${long} takes no value.`;
    if (/ambiguous/.test(message)) return `${long} needs a value; the next argument starts with "-" (write ${long}=<value> if that is the value).`;
    return `${long} needs a value${table[long.slice(2)]?.value ? ` ${table[long.slice(2)].value}` : ''}.`;
  }
  return message;
}

/** The known option closest to a mistyped one (edit distance at most 2), if any. */
function suggestOption(flag: string, table: OptionTable): string | undefined {
  const typed = flag.replace(/^-+/, '');
  let best: { name: string; distance: number } | undefined;
  for (const name of Object.keys(table)) {
    const distance = measureEditDistance(typed, name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function measureEditDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Parses argv strictly against the table: unknown flags, missing values and values given to
 * switches are refused with a {@link UsageError} naming the flag.
 */
export function parseCommandLine(argv: readonly string[], table: OptionTable): ParsedCommandLine {
  const options = Object.fromEntries(Object.entries(table).map(([name, spec]) => [
    name, { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}) },
  ]));
  try {
    const { values, positionals } = parseArgs({ args: joinNegativeValues(argv, table), options, strict: true, allowPositionals: true });
    return { values: values as ParsedCommandLine['values'], positionals };
  } catch (error) {
    throw new UsageError(describeParseError(error, table));
  }
}

/** The usage text: a synopsis, then every option with its help, aligned. */
export function formatUsage(synopsis: string, table: OptionTable): string {
  const rows = Object.entries(table).map(([name, spec]) => [
    `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`, spec.help,
  ]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return `${synopsis.trim()}\n\nOptions:\n${rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help.replace(/\n/g, `\n  ${' '.repeat(width)}  `)}`).join('\n')}\n`;
}

/** A range a numeric option must lie in; each end open or closed. */
export interface NumberRange {
  min?: number;
  max?: number;
  /** Whether `min` itself is refused. */
  isMinExcluded?: boolean;
  /** Whether `max` itself is refused. */
  isMaxExcluded?: boolean;
  /** Whole numbers only. */
  isInteger?: boolean;
}

/** Says a range in words: "from 0 to 1", "above 0 and below 1", "at least 64". */
export function describeRange(range: NumberRange): string {
  const low = range.min === undefined ? '' : `${range.isMinExcluded ? 'above' : 'at least'} ${range.min}`;
  const high = range.max === undefined ? '' : `${range.isMaxExcluded ? 'below' : 'at most'} ${range.max}`;
  const words = !range.isMinExcluded && !range.isMaxExcluded && low && high ? `from ${range.min} to ${range.max}` : [low, high].filter(Boolean).join(' and ');
  return `${range.isInteger ? 'a whole number' : 'a decimal number'}${words ? ` ${words}` : ''}`;
}

/**
 * Reads a numeric flag value: plain decimal notation only (`0x1F`, `1_000`, `Infinity` and ``
 * are refused), within the range; the message names the flag, the allowed range and the value.
 */
export function readNumberOption(flag: string, text: string, range: NumberRange = {}): number {
  const value = parseDecimal(text);
  const isInRange = value !== null
    && (range.min === undefined || (range.isMinExcluded ? value > range.min : value >= range.min))
    && (range.max === undefined || (range.isMaxExcluded ? value < range.max : value <= range.max))
    && (!range.isInteger || Number.isInteger(value));
  if (!isInRange) throw new UsageError(`--${flag} must be ${describeRange(range)}; got "${text}".`);
  return value;
}

/** Reads a flag that takes one of a few words. */
export function readChoiceOption<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`--${flag} must be ${choices.join(' or ')}; got "${text}".`);
  return text as T;
}
