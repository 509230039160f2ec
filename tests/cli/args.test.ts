import { parseArgs, type ArgsSpec } from '../../src/cli/args';
import { CliError } from '../../src/cli/errors';
import { langFromArgv } from '../../src/cli/lang';
import { localToday, dateOption } from '../../src/cli/today';

const spec: ArgsSpec = {
  command: 'apply',
  positionals: ['<in.xlsx>'],
  options: { out: { takesValue: true, short: 'o' }, today: { takesValue: true }, json: { takesValue: false } },
  synopsisKey: 'cli.apply.synopsis',
};

const failure = (argv: string[]) => {
  try {
    parseArgs(argv, spec);
  } catch (e) {
    if (e instanceof CliError) return { key: e.key, params: e.params };
    throw e;
  }
  throw new Error('expected a CliError');
};

describe('parseArgs', () => {
  it('reads positionals, long and short options, --name=value and --', () => {
    const a = parseArgs(['in.xlsx', '-o', 'out.xlsx', '--today=2025-09-01', '--json'], spec);
    expect(a.positionals).toEqual(['in.xlsx']);
    expect(a.options.get('out')).toBe('out.xlsx');
    expect(a.options.get('today')).toBe('2025-09-01');
    expect(a.options.get('json')).toBe(true);
    expect(parseArgs(['--json', '--', '-odd name.xlsx'], spec).positionals).toEqual(['-odd name.xlsx']);
  });

  it('accepts --lang and --help on every command', () => {
    expect(parseArgs(['x.xlsx', '--lang', 'en'], spec).options.get('lang')).toBe('en');
    expect(parseArgs(['-h'], spec).options.get('help')).toBe(true); // help needs no file
  });

  it('refuses what it does not know instead of ignoring it', () => {
    expect(failure(['x.xlsx', '--jsn']).key).toBe('cli.error.unknownOption');
    expect(failure(['x.xlsx', '-x']).key).toBe('cli.error.unknownOption');
    expect(failure(['x.xlsx', '-o']).key).toBe('cli.error.missingValue');
    expect(failure(['x.xlsx', '-o', '--json']).key).toBe('cli.error.missingValue');
    expect(failure(['x.xlsx', '--today=']).key).toBe('cli.error.missingValue');
    expect(failure(['x.xlsx', '--json=yes']).key).toBe('cli.error.unexpectedValue');
    expect(failure(['x.xlsx', '-o', 'a', '--out', 'b']).key).toBe('cli.error.repeatedOption');
    expect(failure([])).toEqual({ key: 'cli.error.missingArgument', params: { argument: '<in.xlsx>', synopsisKey: 'cli.apply.synopsis' } });
    expect(failure(['a.xlsx', 'b.xlsx']).key).toBe('cli.error.extraArgument');
  });
});

describe('langFromArgv', () => {
  it('finds --lang before parsing, so argument errors speak the chosen language', () => {
    expect(langFromArgv(['validate', '--bogus', '--lang', 'en'])).toEqual({ lang: 'en-US' });
    expect(langFromArgv(['validate', '--lang=zh'])).toEqual({ lang: 'zh-CN' });
    expect(langFromArgv(['validate'])).toEqual({ lang: 'zh-CN' });
    expect(langFromArgv(['--lang', 'fr'])).toEqual({ lang: 'zh-CN', bad: 'fr' });
    expect(langFromArgv(['--', '--lang', 'en'])).toEqual({ lang: 'zh-CN' });
  });
});

describe('dates', () => {
  it('uses the local calendar date, not UTC', () => {
    expect(localToday(new Date(2025, 0, 1, 0, 30))).toBe('2025-01-01');
    expect(localToday(new Date(2024, 1, 29, 23, 59))).toBe('2024-02-29');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(dateOption('--today', '2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2025-02-29', '2025-13-01', '2025/09/01', '20250901', 'today']) expect(() => dateOption('--today', bad)).toThrow(CliError);
  });
});
