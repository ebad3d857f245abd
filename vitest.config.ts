import {parse} from 'yaml'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  plugins: [
    {
      name: 'yaml',
      transform(code: string, id: string) {
        if (id.endsWith('.yml')) return {code: `export default ${JSON.stringify(parse(code))}`, map: null}
        return undefined
      }
    }
  ],
  // Two workers on a 2-core machine: many suites spend their time waiting on a spawned CLI, a browser,
  // LibreOffice or an editor, so a second file runs while one waits.
  test: {include: ['test/**/*.test.ts'], testTimeout: 30000, hookTimeout: 60000, maxWorkers: 2}
})
