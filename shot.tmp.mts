import { chromium } from 'playwright-core'
const base = process.env.BASE ?? 'http://localhost:8822'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const p = await b.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
p.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text(), m.location().url) })
p.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()) })
await p.goto(base + (process.env.PATH_ ?? '/'))
await p.waitForTimeout(Number(process.env.WAIT ?? 8000))
await p.screenshot({ path: '/tmp/shot.png' })
await b.close()
