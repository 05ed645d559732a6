import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' so the built app also works from a sub-folder or the file system (roadshow builds).
// `--mode roadshow` (scripts/build-roadshow.mjs) inlines the loading worker and keeps one bundle,
// so the page can be folded into a single HTML file that opens with no server and no network.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react()],
  // The roadshow's inlined worker is a classic script: a page opened from the file system may not
  // start a module worker from a blob.
  worker: { format: mode === 'roadshow' ? 'iife' : 'es' },
  resolve:
    mode === 'roadshow'
      ? { alias: [{ find: /^\.\/workerFactory$/, replacement: fileURLToPath(new URL('./src/data/workerFactory.inline.ts', import.meta.url)) }] }
      : {},
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // three.js in a chunk of its own (not with R3F, which the bundler would join to it): the
    // entry evaluates them in separate tasks (src/api/veinscape.ts loadSceneReads), each short.
    rollupOptions: { output: { codeSplitting: mode === 'roadshow' ? false : { groups: [{ name: 'three', test: /node_modules[\\/]three[\\/]build[\\/]/ }] } } },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
}));
