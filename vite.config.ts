import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' so the built app also works from a sub-folder or the file system (roadshow builds).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
