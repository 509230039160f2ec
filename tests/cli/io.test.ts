import { linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CliError } from '../../src/cli/errors';
import { isSameFile, readInputFile, writeOutputFile } from '../../src/cli/io';

const dir = mkdtempSync(path.join(tmpdir(), 'cli-io-'));
const input = path.join(dir, 'in.xlsx');
writeFileSync(input, 'original');

const keyOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof CliError) return e.key;
    throw e;
  }
  return 'no error';
};

describe('writeOutputFile never writes over its input', () => {
  it.each([
    ['the same path', () => input],
    ['a relative path to it', () => path.relative(process.cwd(), input)],
    ['a path through ..', () => path.join(dir, 'sub', '..', 'in.xlsx')],
    [
      'a symlink to it',
      () => {
        const link = path.join(dir, 'link.xlsx');
        symlinkSync(input, link);
        return link;
      },
    ],
    [
      'a hard link to it',
      () => {
        const hard = path.join(dir, 'hard.xlsx');
        linkSync(input, hard);
        return hard;
      },
    ],
    [
      'its folder reached through a symlinked folder',
      () => {
        const alias = path.join(dir, 'alias');
        symlinkSync(dir, alias);
        return path.join(alias, 'in.xlsx');
      },
    ],
  ])('refuses %s', async (_, outOf) => {
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    const out = outOf();
    expect(await isSameFile(input, out)).toBe(true);
    expect(await keyOf(writeOutputFile(input, out, new TextEncoder().encode('changed')))).toBe('cli.error.sameFile');
    expect(readFileSync(input, 'utf8')).toBe('original');
  });

  it('writes another file, leaving the input as it was and no temporary file behind', async () => {
    const out = path.join(dir, 'out.xlsx');
    await writeOutputFile(input, out, new TextEncoder().encode('copy'));
    expect(readFileSync(out, 'utf8')).toBe('copy');
    expect(readFileSync(input, 'utf8')).toBe('original');
    expect(
      require('node:fs')
        .readdirSync(dir)
        .filter((f: string) => f.endsWith('.tmp')),
    ).toEqual([]);
  });

  it('says which file it could not write', async () => {
    expect(await keyOf(writeOutputFile(input, path.join(dir, 'no-such-folder', 'out.xlsx'), new Uint8Array()))).toBe('cli.error.cannotWrite');
  });
});

describe('readInputFile', () => {
  it('tells a missing file from a folder', async () => {
    expect(await keyOf(readInputFile(path.join(dir, 'missing.xlsx')))).toBe('cli.error.fileNotFound');
    expect(await keyOf(readInputFile(dir))).toBe('cli.error.notAFile');
    expect(new TextDecoder().decode(await readInputFile(input))).toBe('original');
  });
});
