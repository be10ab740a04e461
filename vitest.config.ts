import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Node font loader for the PDF writer, as the library's Node entry installs it.
    setupFiles: ['test/setup/node-fonts.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CLI tests spawn the built binary; keep worker count at the machine's 2 cores.
    maxWorkers: 2,
  },
});
