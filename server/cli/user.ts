// `npm run user -- add --role admin --name alice [--display-name 王磊] [--zone 001 …] [--unit U01] [--password-stdin]`
// `npm run user -- list`
// Creates accounts from the command line, e.g. the first administrator of a production deployment.
// The password comes from stdin (--password-stdin) or GRIDWATCH_PASSWORD; otherwise a random one is generated and
// printed once.
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { MIN_PASSWORD_LENGTH, hashPassword } from '../auth/passwords.ts'
import { DEMO_PASSWORD } from '../domain/roles.ts'
import { ROLES, type Role } from '../kernel/permissions.ts'
import { ConflictError } from '../kernel/errors.ts'
import { DEFAULT_DATABASE_URL, openStore } from '../store/open-store.ts'

const CLI_ACTOR = { userId: null, username: 'cli' }

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

function fail(message: string): never {
  console.error(`user: ${message}`)
  process.exit(2)
}

const [command, ...rest] = process.argv.slice(2)
const store = openStore(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL)
try {
  if (command === 'list') {
    for (const u of await store.users()) console.log(`${u.username}\t${u.roles.join(',')}\t${u.displayName}${u.demo ? '\t(demo)' : ''}${u.disabled ? '\t(disabled)' : ''}`)
  } else if (command === 'add') {
    const { values } = parseArgs({
      args: rest,
      options: {
        role: { type: 'string', multiple: true },
        name: { type: 'string' },
        'display-name': { type: 'string' },
        zone: { type: 'string', multiple: true },
        unit: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    })
    const username = values.name ?? fail('give --name')
    const roles = (values.role ?? fail(`give --role (${ROLES.join(', ')})`)).map((r) =>
      (ROLES as readonly string[]).includes(r) ? (r as Role) : fail(`unknown role "${r}"; one of ${ROLES.join(', ')}`),
    )
    // An empty GRIDWATCH_PASSWORD counts as unset: a blank variable must not become a blank password.
    let password = values['password-stdin'] ? await readStdin() : process.env.GRIDWATCH_PASSWORD || undefined
    const generated = password === undefined
    password ??= randomBytes(12).toString('base64url')
    if (password.length < MIN_PASSWORD_LENGTH) fail(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`)
    if (password === DEMO_PASSWORD) fail('the documented demo password cannot be used for a real account')
    const user = await store.createUser(
      { username, displayName: values['display-name'] ?? username, passwordHash: await hashPassword(password), roles, zoneIds: values.zone, unitId: values.unit },
      CLI_ACTOR,
    )
    console.log(`created ${user.username} (${user.roles.join(', ')})`)
    if (generated) console.log(`password (shown once): ${password}`)
  } else {
    fail('usage: npm run user -- add --role <role> --name <username> [--display-name …] [--zone 001] [--unit …] [--password-stdin] | list')
  }
} catch (err) {
  if (err instanceof ConflictError) fail(err.message)
  throw err
} finally {
  await store.close()
}
