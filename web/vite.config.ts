// Vite build for the two entry points: the console (/) and the guard app (/m/).
// The dev server proxies /api (HTTP and WebSocket) to a local jingbao server and
// falls back to the right index.html for each app's history-mode routes.
import { fileURLToPath, URL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { offlineAssets } from './build/offline-assets.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Dev-only: serve /m/<anything without a dot> from m/index.html. */
function guardAppFallback(): Plugin {
  return {
    name: 'jingbao-guard-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '';
        if (url.startsWith('/m/') && !url.slice(3).split('?')[0].includes('.')) {
          req.url = '/m/index.html';
        }
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [vue(), offlineAssets(), guardAppFallback()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        console: `${root}index.html`,
        guard: `${root}m/index.html`,
      },
    },
  },
});
