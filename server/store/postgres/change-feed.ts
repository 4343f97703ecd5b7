// The change feed between server instances on one PostgreSQL database: LISTEN/NOTIFY on one channel. A change is
// published after its write commits, with the publishing instance's id (so it ignores its own) and a number from a
// database sequence — the version counter: each instance remembers the last number it applied, and the health
// check shows it. NOTIFY is delivered to every listening connection while it is connected; when the listening
// connection drops, changes may have been missed, so on reconnecting the instance rebuilds its whole model
// (the `everything` change) from the store rather than trust it.
import { randomUUID } from 'node:crypto'
import pg from 'pg'

const CHANNEL = 'gridwatch_changes'
// NOTIFY payloads are capped at 8000 bytes; a change naming more lamps than fit is sent as "everything changed".
const MAX_PAYLOAD = 7_500
// What the message adds around the change: the origin (a UUID) and the sequence number, with their keys.
const SEQ_AND_ORIGIN_BYTES = 100
const RECONNECT_MS = 1_000

interface Message<T> {
  origin: string
  seq: number
  change: T
}

/**
 * Carries changes of type T (the district model's, as JSON) between instances; `everything` is the change that
 * means "rebuild it all", sent when a change is too large for a notification and applied after a reconnect.
 */
export class PostgresChangeFeed<T> {
  /** This instance, as the feed's messages name it. */
  readonly instanceId = randomUUID()
  /** The sequence number of the last change applied (own or another's). */
  lastSeq = 0
  private listener: pg.Client | undefined
  private handlers: ((change: T) => void)[] = []
  private closed = false
  private connecting: Promise<void> | undefined

  constructor(
    private readonly url: string,
    private readonly pool: pg.Pool,
    private readonly everything: T,
    /** The notification channel: one per kind of change (the district model's, accounts and sessions). */
    private readonly channel: string = CHANNEL,
    /** false: listening alone does not keep the process running (a store nobody closed must not hang its exit). */
    private readonly holdsProcess = true,
  ) {}

  /** Starts listening; resolves once LISTEN is in place (changes published after that reach this instance). */
  start(): Promise<void> {
    this.connecting ??= this.connect(false)
    return this.connecting
  }

  async publish(change: T): Promise<void> {
    // One round trip: the number is drawn and the message (a Message<T>, with the number written in by the
    // database) sent in the same statement — a crew's repair waits for this before it is answered.
    let body = JSON.stringify(change)
    if (Buffer.byteLength(body) + SEQ_AND_ORIGIN_BYTES > MAX_PAYLOAD) body = JSON.stringify(this.everything)
    const { rows } = await this.pool.query<{ n: string }>(
      `WITH s AS (SELECT nextval('model_change_seq') AS n)
       SELECT n, pg_notify($1, '{"origin":' || to_json($2::text)::text || ',"seq":' || n || ',"change":' || $3::text || '}') FROM s`,
      [this.channel, this.instanceId, body],
    )
    this.lastSeq = Math.max(this.lastSeq, Number(rows[0]?.n))
  }

  subscribe(onChange: (change: T) => void): void {
    this.handlers.push(onChange)
  }

  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.reconnectTimer)
    const listener = this.listener
    this.listener = undefined
    await listener?.end().catch(() => undefined)
  }

  private reconnectTimer: NodeJS.Timeout | undefined

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined
      this.connect(true).catch(() => this.scheduleReconnect())
    }, RECONNECT_MS)
    this.reconnectTimer.unref()
  }

  private async connect(reconnecting: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.url })
    client.on('notification', (n) => {
      if (n.channel !== this.channel || !n.payload) return
      let message: Message<T>
      try {
        message = JSON.parse(n.payload) as Message<T>
      } catch {
        return
      }
      this.lastSeq = Math.max(this.lastSeq, message.seq)
      if (message.origin === this.instanceId) return
      for (const handler of this.handlers) handler(message.change)
    })
    const lost = () => {
      if (this.listener !== client) return
      this.listener = undefined
      client.end().catch(() => undefined)
      this.scheduleReconnect()
    }
    client.on('error', lost)
    client.on('end', lost)
    this.listener = client
    try {
      await client.connect()
      // pg keeps its socket on the client's connection; it has no public way to unref it
      if (!this.holdsProcess) (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.()
      await client.query(`LISTEN ${this.channel}`)
    } catch (err) {
      if (this.listener === client) this.listener = undefined
      client.end().catch(() => undefined)
      throw err
    }
    // Whatever was published while we were not listening is lost to us: start again from the store.
    if (reconnecting) for (const handler of this.handlers) handler(this.everything)
  }
}
