// `npm run user -- …`: the command that creates the first administrator of a production deployment.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { verifyPassword } from '../../server/auth/passwords.ts'
import { PROJECT_ROOT } from '../../server/build-web.ts'
import { SqliteStore } from '../../server/store/sqlite-store.ts'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gridwatch-cli-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function runCli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/user.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'gw.db')}`, GRIDWATCH_PASSWORD: '' },
    input,
    encoding: 'utf8',
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('npm run user', () => {
  test('adds an administrator with a password from stdin, stored only as an argon2id hash', async () => {
    const added = runCli(['add', '--role', 'admin', '--name', 'alice', '--display-name', '王丽', '--password-stdin'], 'a long secret passphrase\n')
    expect(added.stderr).toBe('')
    expect(added.stdout).toContain('created alice (admin)')
    const listed = runCli(['list'])
    expect(listed.stdout).toMatch(/^alice\tadmin\t王丽$/m)
    const store = new SqliteStore(join(dir, 'gw.db'))
    const found = await store.credentials('alice')
    await store.close()
    expect(found?.passwordHash).toMatch(/^\$argon2id\$/)
    await expect(verifyPassword(found!.passwordHash, 'a long secret passphrase')).resolves.toBe(true)
  }, 60_000)

  test('generates and prints a password once when none is given', () => {
    const added = runCli(['add', '--role', 'leader', '--name', 'bo'])
    expect(added.status).toBe(0)
    expect(added.stdout).toMatch(/password \(shown once\): \S{12,}/)
  }, 60_000)

  test('refuses an unknown role, the demo password, a short password and a taken name with exit 2', () => {
    expect(runCli(['add', '--role', 'mayor', '--name', 'x']).status).toBe(2)
    const demo = runCli(['add', '--role', 'admin', '--name', 'x', '--password-stdin'], 'gridwatch-demo')
    expect(demo.status).toBe(2)
    expect(demo.stderr).toContain('demo password')
    expect(runCli(['add', '--role', 'admin', '--name', 'x', '--password-stdin'], 'short').status).toBe(2)
    expect(runCli(['add', '--role', 'admin', '--name', 'carol', '--password-stdin'], 'a long secret passphrase').status).toBe(0)
    const taken = runCli(['add', '--role', 'admin', '--name', 'carol', '--password-stdin'], 'another long passphrase')
    expect(taken.status).toBe(2)
    expect(taken.stderr).toContain('taken')
  }, 60_000)
})
