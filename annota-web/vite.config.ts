import { defineConfig } from 'vitest/config';

// The UI is built straight into the jar's resources: annota-server serves /dev/annota/web/ui/ at "/".
// Hashed file names under assets/ are cached forever; index.html is revalidated (see WebUi in annota-server).
export default defineConfig({
  root: 'src/main/ui',
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../../../target/classes/dev/annota/web/ui',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 300,
  },
  server: {
    // `npm run dev` against a running `annota serve` on 8080
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    root: '.',
    include: ['src/test/ui/**/*.test.ts'],
    environment: 'node',
  },
});
