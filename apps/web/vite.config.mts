import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Built by scripts/build-web.js into dist/web, which the API serves at / (apps/api/web-app.ts).
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // Ant Design marks its modules "use client" for React Server Components; a browser bundle has none.
      onwarn: (warning, warn) => {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      output: {
        // The kits change less often than the pages: separate files stay cached across releases.
        manualChunks: (id: string) =>
          id.includes('node_modules/echarts') || id.includes('node_modules/zrender')
            ? 'echarts'
            : id.includes('node_modules/')
              ? 'vendor'
              : undefined,
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
