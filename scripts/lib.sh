# Shared helpers for the scripts: timed stages and installing what a fresh machine lacks.

stage() {
  local name="$1"; shift
  local t0=$(date +%s)
  echo "::: stage ${name}"
  "$@"
  local rc=$?
  echo "::: stage ${name} took $(( $(date +%s) - t0 )) s (exit ${rc})"
  return $rc
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

# Debian's Chromium and CJK fonts for the browser tests (never a downloaded browser).
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then return 0; fi
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
}

# npm ci only when the lock file changed since the last install.
npm_install() {
  local dir="$1"
  local stamp="$dir/node_modules/.jingbao-lock-hash"
  local want
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) && echo "$want" > "$stamp"
}
