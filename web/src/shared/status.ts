// Status colours, the Chinese convention: red urgent/overdue/high risk, orange, yellow,
// blue low, green done; grey for inactive.
export type Level = 'red' | 'orange' | 'yellow' | 'blue' | 'green' | 'grey';

export const LEVEL_COLOURS: Record<Level, string> = {
  red: '#d92d20',
  orange: '#f26b1d',
  yellow: '#d4a106',
  blue: '#1d6fd8',
  green: '#12a150',
  grey: '#8a94a6',
};

export function auditResultLevel(result: string): Level {
  if (result === 'ok') return 'green';
  if (result === 'denied') return 'red';
  return 'orange';
}

export function guardStatusLevel(status: string): Level {
  return status === 'active' ? 'green' : 'grey';
}
