// The one error the CRS modules throw: a coordinate system Gridwatch cannot use (unknown name, unknown EPSG code,
// unreadable .prj). The import CLI turns it into a message for the person who typed --crs, so the message names
// the value they gave and what would have worked.

export class CrsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CrsError'
  }
}
