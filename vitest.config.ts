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
  test: {include: ['test/**/*.test.ts'], testTimeout: 30000, hookTimeout: 60000}
})
