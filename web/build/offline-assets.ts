// Build guard for the police intranet: nothing may be fetched from outside the server.
// Vant's icon font lists a CDN copy as a fallback source; drop any remote url() from
// stylesheets, and fail the build if a stylesheet still names a remote resource.
import type { Plugin } from 'vite';

const REMOTE_FONT_SRC = /,\s*url\(\s*["']?(?:https?:)?\/\/[^)]+\)\s*format\(\s*["'][^"']+["']\s*\)/g;
const REMOTE_URL = /url\(\s*["']?(?:https?:)?\/\/[^)]+\)/;

export function stripRemoteCss(css: string): string {
  return css.replace(REMOTE_FONT_SRC, '');
}

export function offlineAssets(): Plugin {
  return {
    name: 'jingbao-offline-assets',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.css(\?|$)/.test(id) || !REMOTE_URL.test(code)) return null;
      return { code: stripRemoteCss(code), map: null };
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'asset' && file.fileName.endsWith('.css')) {
          const text = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          const hit = REMOTE_URL.exec(text);
          if (hit) this.error(`${file.fileName} loads a remote resource: ${hit[0]}`);
        }
      }
    },
  };
}
