// A fresh app and store for one fuzz run, with real ids to put in paths and bodies: a case to act on and one to merge
// into it, a closed and an open tracking number, a photo, a guidance point, an account to edit and a hotspot cell.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { binIncidents } from '../../server/analysis/cells.ts'
import { hashPassword } from '../../server/auth/passwords.ts'
import { districtCalendar } from '../../server/domain/district-calendar.ts'
import { newTrackingNumber } from '../../server/domain/tracking-numbers.ts'
import type { Store } from '../../server/store/store.ts'
import { PNG_BYTES } from './fuzz-inputs.ts'
import { FUZZ_PASSWORD, type Ids, type Who } from './fuzz-routes.ts'
import { type TestApp, createTestApp, signIn } from './helpers.ts'

export const NOW = new Date('2026-11-01T10:00:00+08:00')
// The public and sign-in limits would turn most probes into 429s; the fuzz app lifts them.
const UNLIMITED = { windowMs: 60_000, max: 1_000_000 }

export interface Fixture {
  app: TestApp
  store: Store
  photoDir: string
  cookie: (who: Who) => Promise<string | undefined>
  ids: Ids
}

// Hashing costs ~0.1 s by design (argon2); one hash serves every fixture.
let passwordHash: Promise<string> | undefined
const fuzzPasswordHash = () => (passwordHash ??= hashPassword(FUZZ_PASSWORD))

export async function createFixture(): Promise<Fixture> {
  const photoDir = mkdtempSync(join(tmpdir(), 'gridwatch-fuzz-photos-'))
  const { app, store } = await createTestApp({ clock: () => NOW, photoDir, publicReportLimit: UNLIMITED, publicReadLimit: UNLIMITED, signInLimit: UNLIMITED })
  const system = { userId: null, username: 'fuzz-setup' }
  const cases = (await store.cases({ includeMerged: true, limit: 1000 })).items
  const reported = cases.find((x) => x.status === 'reported' && x.category === '0501')
  const closed = cases.find((x) => x.status === 'closed' && x.repeatOf === null && x.rating === null)
  if (!reported || !closed) throw new Error('the tiny district has no reported 0501 case or no closed case')
  // A second open case of the same category, a few metres away, to merge into the first.
  const mergeable = await store.createReport(
    { trackingNumber: newTrackingNumber(NOW, districtCalendar), status: 'reported', repeatOf: null, category: reported.category, coordinates: [reported.coordinates[0] + 0.0001, reported.coordinates[1]], description: '同一个问题', source: 'patrol', phone: null, zoneId: reported.zoneId, unitId: reported.unitId, lampId: null, streetId: null, deadlineMs: reported.deadlineMs },
    system,
    NOW,
  )
  // Illegal construction with the demo unit handler's unit: its stop (制止) is recorded by that handler.
  const unitId = (await store.users()).find((u) => u.username === 'unit')?.unitId ?? null
  const reportedConstruction = await store.createReport(
    { trackingNumber: newTrackingNumber(NOW, districtCalendar), status: 'reported', repeatOf: null, category: '0101', coordinates: reported.coordinates, description: '屋顶加建', source: 'patrol', phone: null, zoneId: reported.zoneId, unitId, lampId: null, streetId: null, deadlineMs: reported.deadlineMs },
    system,
    NOW,
  )
  const accepted = await store.transitionCase(reportedConstruction.id, reportedConstruction.version, { action: 'accept', toStatus: 'accepted', note: null, set: { acceptedMs: NOW.getTime() } }, system, NOW)
  const construction = await store.transitionCase(accepted.id, accepted.version, { action: 'dispatch', toStatus: 'dispatched', note: null, set: { unitId, dispatchedMs: NOW.getTime() } }, system, NOW)
  const point = await store.createGuidancePoint({ name: '模糊测试点', geometry: { type: 'Point', coordinates: [104.055, 30.665] }, capacity: 10, openingHours: '', allowedGoods: '', unit: '城管中队', offStreet: false }, system, NOW)
  const target = await store.createUser({ username: 'fuzz-target', displayName: '模糊测试目标', passwordHash: await fuzzPasswordHash(), roles: ['planner'] }, system)
  const photoId = '00000000-0000-4000-8000-000000000001'
  writeFileSync(join(photoDir, photoId), PNG_BYTES)
  await store.addPhoto({ id: photoId, caseId: reported.id, stage: 'report', contentType: 'image/png', bytes: 1, uploadedAt: NOW.toISOString(), uploadedBy: 'fuzz-setup' }, system)
  const { bounds } = await store.info()
  if (!bounds) throw new Error('the store has no bounds')
  const lattice = binIncidents([], bounds, { kind: 'h3', resolution: 10 })
  const [lamp] = await store.lamps({})
  const [street] = await store.streets({})
  const [measure] = await store.measures()
  const incident = (await store.incidents({ limit: 1 })).items[0]
  if (!lamp || !street || !measure || !incident || lattice.ids.length === 0) throw new Error('the tiny district lacks a lamp, street, measure, incident or cell')
  // The Data view's records: an upload (a ledger without coordinates: every row is rejected), a finished dry run, a profile
  const admin = await signIn(app, 'admin')
  const uploaded = await app.request('/api/imports/uploads?name=ledger.csv', { method: 'POST', headers: { cookie: admin, 'content-type': 'application/octet-stream' }, body: '编号,备注\nL1,无坐标\nL2,无坐标\n' })
  const { upload_id: upload } = (await uploaded.json()) as { upload_id: string }
  const started = await app.request('/api/imports/runs', { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ profile: { district: { name: '模糊测试' }, layers: [{ layer: 'lamps', file: upload, id: '编号' }] }, dry_run: true }) })
  const { run_id: run } = (await started.json()) as { run_id: string }
  for (let i = 0; i < 200; i++) {
    const state = (await (await app.request(`/api/imports/runs/${run}`, { headers: { cookie: admin } })).json()) as { state: string }
    if (state.state !== 'running') break
    await new Promise((r) => setTimeout(r, 25))
  }
  const leader = await signIn(app, 'leader')
  const drafted = await app.request('/api/briefings', { method: 'POST', headers: { cookie: leader, 'content-type': 'application/json' }, body: JSON.stringify({ from: '2026-10-01', to: '2026-11-01' }) })
  const { id: briefing } = (await drafted.json()) as { id: string }
  const profile = 'fuzz-profile'
  await app.request(`/api/imports/profiles/${profile}`, { method: 'PUT', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ district: { name: '模糊测试' } }) })
  const ids: Ids = {
    reportedCase: reported.id,
    mergeableCase: mergeable.id,
    constructionCase: construction.id,
    closedTracking: closed.trackingNumber,
    openTracking: reported.trackingNumber,
    lamp: lamp.id,
    street: street.id,
    incident: incident.id,
    measure: measure.id,
    guidancePoint: point.id,
    targetUser: target.id,
    photo: photoId,
    cell: lattice.ids[0]!,
    upload,
    run,
    profile,
    briefing,
  }
  const cookies = new Map<Who, Promise<string>>()
  const cookie = async (who: Who) => (who === 'anonymous' ? undefined : await (cookies.get(who) ?? cookies.set(who, signIn(app, who)).get(who)))
  return { app, store, photoDir, cookie, ids }
}
