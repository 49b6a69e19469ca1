// Recognising scanned and typed checkpoint codes before the server checks them.
import { describe, expect, it } from 'vitest';
import { codeNames, normaliseCode, parseCode } from '@/guard/patrol/checkinCode';

describe('checkpoint codes', () => {
  const cp = { id: '934410eb-5e26-4460-ad61-106d5f961911', code: 'CP001' };

  it('reads a manual code, typed loosely', () => {
    expect(normaliseCode(' cp001-482913 ')).toBe('CP001-482913');
    expect(parseCode('cp001-482913')).toEqual({ kind: 'manual', checkpointCode: 'CP001' });
    expect(codeNames(parseCode('CP001-482913'), cp)).toBe(true);
    expect(codeNames(parseCode('CP002-482913'), cp)).toBe(false);
  });

  it('reads a QR payload and leaves its case alone', () => {
    const payload = 'JB1.k1.934410eb5e264460ad61106d5f961911.AbC-_x';
    expect(normaliseCode(payload)).toBe(payload);
    expect(parseCode(payload)).toEqual({ kind: 'qr', checkpointHex: '934410eb5e264460ad61106d5f961911' });
    expect(codeNames(parseCode(payload), cp)).toBe(true);
  });

  it('rejects anything else', () => {
    expect(parseCode('CP001').kind).toBe('invalid');
    expect(parseCode('CP001-48291').kind).toBe('invalid');
    expect(parseCode('hello world').kind).toBe('invalid');
  });
});
