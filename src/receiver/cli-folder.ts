/**
 * Writing an opened bundle into a folder all at once or not at all: the files go into a
 * temporary folder beside the target (same file system, private to the user), which is renamed
 * to the target only when every file is written. A failure part-way removes the temporary
 * folder, so a reader never finds half a bundle and takes it for the whole.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CodedError } from '../shared/coded-error';

/** The folder cannot be written; nothing was left behind. */
export class UnwritableError extends CodedError<'outside-folder' | 'folder-not-empty' | 'write-failed'> {
  override readonly name = 'UnwritableError';
}

export interface FolderFile {
  /** A relative path (the bundle's paths are checked to be plain names). */
  path: string;
  bytes: Uint8Array | string;
}

/** Writes `bytes` to `path` under `root`, refusing to leave it or to overwrite. */
function writeInside(root: string, path: string, bytes: Uint8Array | string): void {
  const target = resolve(root, path);
  if (!target.startsWith(root + sep)) throw new UnwritableError('outside-folder', `refusing to write outside the folder: ${path}`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes, { flag: 'wx' });
}

/**
 * Writes `files` as the folder `dir`, which must not exist or be empty.
 * @throws {UnwritableError} when `dir` is not empty or a file cannot be written; then neither
 * `dir` nor any temporary folder holds anything new.
 */
export function writeFolderAtOnce(dir: string, files: readonly FolderFile[]): void {
  const target = resolve(dir);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new UnwritableError('folder-not-empty', `${target} exists and is not empty`);
  }
  let temp: string;
  try {
    mkdirSync(dirname(target), { recursive: true });
    temp = mkdtempSync(join(dirname(target), `.${basename(target)}.partial-`));
  } catch (cause) {
    throw new UnwritableError('write-failed', `cannot make a folder beside ${target}`, { cause });
  }
  try {
    for (const file of files) writeInside(temp, file.path, file.bytes);
    // An empty target is replaced; rename cannot replace a folder on every platform.
    if (existsSync(target)) rmdirSync(target);
    renameSync(temp, target);
  } catch (cause) {
    rmSync(temp, { recursive: true, force: true });
    if (cause instanceof UnwritableError) throw cause;
    throw new UnwritableError('write-failed', `cannot write ${target}`, { cause });
  }
}
