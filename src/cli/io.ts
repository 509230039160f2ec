import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CliError } from './errors';

/** Reads a file the user named, turning the usual failures into one-line messages. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError('cli.error.fileNotFound', { path: file });
    throw new CliError('cli.error.cannotReadFile', { path: file });
  }
  if (!stat.isFile()) throw new CliError('cli.error.notAFile', { path: file });
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch {
    throw new CliError('cli.error.cannotReadFile', { path: file });
  }
}

/**
 * True when `a` and `b` name the same file: the same resolved path, the same path after following
 * links, or (both existing) the same device and inode — so `./x.xlsx`, `x.xlsx`, a symlink or a hard
 * link to the input all count as the input.
 */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  const real = async (p: string) => {
    try {
      return await fs.realpath(p);
    } catch {
      // A file that does not exist yet: resolve its folder, which may itself be a link.
      try {
        return path.join(await fs.realpath(path.dirname(p)), path.basename(p));
      } catch {
        return p;
      }
    }
  };
  if ((await real(ra)) === (await real(rb))) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(ra), fs.stat(rb)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Refuse an output that is one of the inputs: the teachers' files are never written. */
export async function refuseSameFile(inputs: readonly string[], output: string): Promise<void> {
  for (const input of inputs) if (await isSameFile(input, output)) throw new CliError('cli.error.sameFile', { path: output });
}

/**
 * Writes a command's output workbook. Refuses to write over an input (commands such as `apply`
 * produce a copy; the teacher's file is never changed), and writes through a temporary file so a
 * failure never leaves a half-written workbook under the output name.
 */
export async function writeOutputFile(input: string | readonly string[], output: string, bytes: Uint8Array): Promise<void> {
  await refuseSameFile(typeof input === 'string' ? [input] : input, output);
  const temp = path.join(path.dirname(path.resolve(output)), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, output);
  } catch {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new CliError('cli.error.cannotWrite', { path: output });
  }
}
