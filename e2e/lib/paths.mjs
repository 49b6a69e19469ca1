// Where things are: the repository root, the jingbao binary, the artifacts folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..');
export const ARTIFACTS = path.join(E2E_DIR, 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/** JINGBAO_BIN, else $CARGO_TARGET_DIR/debug/jingbao, else <repo>/target/debug/jingbao. */
export function jingbaoBin() {
  if (process.env.JINGBAO_BIN) return path.resolve(REPO_ROOT, process.env.JINGBAO_BIN);
  if (process.env.CARGO_TARGET_DIR) return path.join(path.resolve(REPO_ROOT, process.env.CARGO_TARGET_DIR), 'debug', 'jingbao');
  return path.join(REPO_ROOT, 'target', 'debug', 'jingbao');
}
