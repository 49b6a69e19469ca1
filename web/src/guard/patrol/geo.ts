// One GPS fix for a check-in or a position: high accuracy, 10 s at most, never cached
// for more than 10 s. Resolves null when there is no fix (no permission, no signal,
// timeout, or no geolocation at all) so callers send without lat/lon.

export interface Fix {
  lat: number;
  lon: number;
  accuracy: number;
}

export const FIX_TIMEOUT_MS = 10_000;

export function getFix(geo: Geolocation | undefined = typeof navigator === 'undefined' ? undefined : navigator.geolocation): Promise<Fix | null> {
  if (!geo) return Promise.resolve(null);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (fix: Fix | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      resolve(fix);
    };
    // Some browsers never call back when permission is pending: give up ourselves too.
    const guard = setTimeout(() => finish(null), FIX_TIMEOUT_MS + 1_000);
    try {
      geo.getCurrentPosition(
        (p) => finish({ lat: p.coords.latitude, lon: p.coords.longitude, accuracy: Math.round(p.coords.accuracy * 10) / 10 }),
        () => finish(null),
        { enableHighAccuracy: true, timeout: FIX_TIMEOUT_MS, maximumAge: 10_000 },
      );
    } catch {
      finish(null);
    }
  });
}
