// Time left to sign for a directive, as the phone shows it: "mm:ss" (or "h:mm:ss"),
// and whether the deadline has passed.

export function timeLeft(deadlineAt: string, now: number): { overdue: boolean; text: string } {
  const ms = Date.parse(deadlineAt) - now;
  const s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
  return { overdue: ms < 0, text };
}
