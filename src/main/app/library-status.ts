/** The library summary the desktop window shows. */
import type { LibraryStatus } from '../../shared/api'
import type { Docsort } from './docsort'

export function libraryStatus(app: Docsort): LibraryStatus {
  const counts = new Map(app.library.countsByCategory().map((c) => [c.category, c.count]))
  const active = app.library.activeModel()
  return {
    dataDir: app.paths.root,
    model: active ? { version: active.version, labels: active.labels } : null,
    categories: app.library
      .listCategories()
      .map((c) => ({ name: c.name, folder: c.folder, documents: counts.get(c.name) ?? 0 })),
  }
}
