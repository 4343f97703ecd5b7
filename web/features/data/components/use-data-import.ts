// The Data view's working state: the file being mapped and its form, the layers added so far, the district's
// name, the preview, the run and the profile being saved. It lives in the view's hook, which runs whichever tab is
// open, so an administrator can look at the map in another view and come back to the import as they left it.
import { useState } from 'react'
import { usePreviewLayer } from '../api/preview-layer.ts'
import { useSaveImportProfile } from '../api/import-profiles.ts'
import { useRunImport, type ImportReport, type ImportRun } from '../api/run-import.ts'
import { useUploadFile, type UploadedFile } from '../api/upload-file.ts'
import { buildDistrictProfile, EMPTY_DISTRICT, type DistrictDraft } from './district-profile.ts'
import { buildLayerSpec, createLayerForm, type LayerForm, type LayerName } from './layer-form.ts'

/** A file and its mapping: the one being edited, or one added to the import. */
export interface MappedFile {
  upload: UploadedFile
  form: LayerForm
}

export interface RunOptions {
  /** Check and report only; nothing is written. */
  dryRun: boolean
  /** Write nothing when any row is rejected. */
  strict: boolean
}

export type DistrictBounds = ImportReport['bounds']

export function useDataImport() {
  const [kind, setKind] = useState<LayerName>('zones')
  const [current, setCurrent] = useState<MappedFile>()
  const [pending, setPending] = useState<readonly MappedFile[]>([])
  const [district, setDistrict] = useState<DistrictDraft>(EMPTY_DISTRICT)
  const [runOptions, setRunOptions] = useState<RunOptions>({ dryRun: false, strict: false })
  const [runProgress, setRunProgress] = useState<ImportRun>()
  const [profileName, setProfileName] = useState('')

  const preview = usePreviewLayer()
  const upload = useUploadFile((uploaded, { kind: chosen }) => {
    const form = createLayerForm(uploaded, chosen)
    // an OpenStreetMap file can only be streets: the layer select says so too
    setKind(form.layer)
    setCurrent({ upload: uploaded, form })
  })
  const run = useRunImport(setRunProgress)
  const saveProfile = useSaveImportProfile()

  const profileWith = (file: (upload: UploadedFile) => string) =>
    buildDistrictProfile(
      district,
      pending.map(({ upload: u, form }) => buildLayerSpec(form, file(u))),
    )

  return {
    kind,
    /** Picks the layer a file is; a file already read is mapped afresh from its guesses for that layer. */
    chooseKind(next: LayerName) {
      setKind(next)
      if (current && !current.form.osm && current.form.layer !== next) {
        setCurrent({ upload: current.upload, form: createLayerForm(current.upload, next) })
        preview.reset()
      }
    },
    upload,
    uploadFile(file: File) {
      setCurrent(undefined)
      preview.reset()
      upload.mutate({ file, kind })
    },
    current,
    updateForm(change: (form: LayerForm) => LayerForm) {
      setCurrent((file) => file && { upload: file.upload, form: change(file.form) })
    },
    preview,
    /** Previews the file being mapped, its dates read in the district's time zone, its categories among `categoryCodes`. */
    previewCurrent(categoryCodes: readonly string[]) {
      if (!current) return
      const { upload: u, form } = current
      const timeZone = district.timeZone.trim()
      preview.mutate({
        upload_id: u.upload_id,
        layer: buildLayerSpec(form, u.name),
        ...(timeZone === '' ? {} : { time_zone: timeZone }),
        categories: [...categoryCodes],
      })
    },
    pending,
    /** Adds the file being mapped to the import, or replaces its earlier entry. */
    addCurrent() {
      if (!current) return
      setPending((list) =>
        list.some((f) => f.upload.upload_id === current.upload.upload_id)
          ? list.map((f) => (f.upload.upload_id === current.upload.upload_id ? current : f))
          : [...list, current],
      )
    },
    editPending(uploadId: string) {
      const file = pending.find((f) => f.upload.upload_id === uploadId)
      if (!file) return
      setCurrent(file)
      setKind(file.form.layer)
      preview.reset()
    },
    removePending(uploadId: string) {
      setPending((list) => list.filter((f) => f.upload.upload_id !== uploadId))
    },
    district,
    setDistrict,
    runOptions,
    setRunOptions,
    run,
    runProgress,
    /** Runs every layer added; `onImported` hears the new district's bounds once a run has stored it. */
    startImport(onImported: (bounds: DistrictBounds) => void) {
      setRunProgress(undefined)
      run.mutate(
        { profile: profileWith((u) => u.upload_id), dry_run: runOptions.dryRun, strict: runOptions.strict },
        { onSuccess: (finished) => finished.report?.stored && onImported(finished.report.bounds) },
      )
    },
    profileName,
    setProfileName,
    saveProfile,
    /** Saves the district and every layer added, each naming its file as uploaded (the CLI finds it beside the profile). */
    saveCurrentProfile() {
      saveProfile.mutate({ name: profileName.trim(), profile: profileWith((u) => u.name) })
    },
  }
}

export type DataImport = ReturnType<typeof useDataImport>
