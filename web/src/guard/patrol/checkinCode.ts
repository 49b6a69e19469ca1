// What a scanned or typed checkpoint code says before the server checks it: a signed
// QR payload `JB1.<kid>.<checkpoint id, 32 hex>.<mac>` names the checkpoint id; a
// manual code `<checkpoint code>-<6 digits>` names the checkpoint code. Used to tick
// the route locally while a check-in waits in the outbox, and to catch typos early.

export type ParsedCode =
  | { kind: 'qr'; checkpointHex: string }
  | { kind: 'manual'; checkpointCode: string }
  | { kind: 'invalid' };

const QR = /^JB1\.[^.]+\.([0-9a-fA-F]{32})\.[^.]+$/;
const MANUAL = /^([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)-(\d{6})$/;

/** Trim, and upper-case a manual code (people type `cp001-482913`). */
export function normaliseCode(raw: string): string {
  const s = raw.trim();
  return QR.test(s) ? s : s.toUpperCase().replace(/\s+/g, '');
}

export function parseCode(raw: string): ParsedCode {
  const s = normaliseCode(raw);
  const qr = QR.exec(s);
  if (qr) return { kind: 'qr', checkpointHex: qr[1].toLowerCase() };
  const manual = MANUAL.exec(s);
  if (manual) return { kind: 'manual', checkpointCode: manual[1] };
  return { kind: 'invalid' };
}

/** Whether a checkpoint (id, code) is the one a code names. */
export function codeNames(parsed: ParsedCode, checkpoint: { id: string; code: string }): boolean {
  if (parsed.kind === 'qr') return checkpoint.id.replace(/-/g, '').toLowerCase() === parsed.checkpointHex;
  if (parsed.kind === 'manual') return checkpoint.code.toUpperCase() === parsed.checkpointCode;
  return false;
}
