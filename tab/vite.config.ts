import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the tab into tab/dist, served by the bot's HTTP server under /tab/. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // The tab, and the sign-in pop-up pages TeamsFx's login() opens (/tab/auth-start.html, -end).
    rolldownOptions: {
      input: {
        main: `${import.meta.dirname}/index.html`,
        'auth-start': `${import.meta.dirname}/auth-start.html`,
        'auth-end': `${import.meta.dirname}/auth-end.html`,
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3978', '/dev': 'http://127.0.0.1:3978' } },
});
