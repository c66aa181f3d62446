import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Workspace packages are bundled from their TypeScript source: their dist/ builds are CommonJS for
// Node, and the editor package has no build at all.
const source = (path: string) => fileURLToPath(new URL(`../../${path}/src/index.ts`, import.meta.url));

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@baton\/contracts$/, replacement: source('libs/contracts') },
      { find: /^@baton\/domain$/, replacement: source('libs/domain') },
      { find: /^@baton\/rules$/, replacement: source('libs/rules') },
      { find: /^@baton\/rule-builder-core$/, replacement: source('rule-builder/core') },
      { find: /^@baton\/rule-builder-react$/, replacement: source('rule-builder/react') },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
