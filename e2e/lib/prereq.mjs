// Prerequisites for the journeys. Locally a missing binary or browser skips the suite
// with a reason; under CI=true it is an error, never a skip.
import fs from 'node:fs';
import { CHROMIUM, jingbaoBin } from './paths.mjs';

export const IS_CI = process.env.CI === 'true';

export function missingPrerequisite() {
  const problems = [];
  if (!fs.existsSync(jingbaoBin())) problems.push(`jingbao binary not found at ${jingbaoBin()} (set JINGBAO_BIN or CARGO_TARGET_DIR)`);
  if (!fs.existsSync(CHROMIUM)) problems.push(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`);
  return problems.length ? problems.join('; ') : null;
}

/** Options for describe(): skip locally when something is missing, run (and fail) in CI. */
export function suiteOptions() {
  const missing = missingPrerequisite();
  if (!missing) return {};
  if (IS_CI) return {};
  return { skip: missing };
}

/** Call first in before(): throws in CI when something is missing. */
export function requirePrerequisites() {
  const missing = missingPrerequisite();
  if (missing) throw new Error(`e2e prerequisites missing: ${missing}`);
}
