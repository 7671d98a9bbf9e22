import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The dev server injects inline scripts (React refresh) that the strict CSP of index.html would block. */
function dropCspInDev(): Plugin {
  return {
    name: 'guichets-drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
  };
}

export default defineConfig({
  root,
  // Relative asset paths: Electron loads the build from a file.
  base: './',
  plugins: [react(), dropCspInDev()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // recharts alone is larger than Vite's default warning limit; the app is loaded from disk.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run cli -- serve` on its default port answers the API while Vite serves the UI.
    proxy: Object.fromEntries(
      ['/api', '/evidence'].map((prefix) => [prefix, `http://127.0.0.1:${process.env.GUICHETS_API_PORT ?? '4870'}`]),
    ),
  },
});
