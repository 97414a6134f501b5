/**
 * One function per request of the contract, over the service's parts. Params arrive validated
 * in shape (src/main/api/schemas.ts); paths are checked here by the PathGuard before use.
 */
import { basename } from 'node:path'
import type { ActionResult, SuggestionView } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { Handlers } from '../api/dispatch'
import type { SortEntry } from '../app/sort-planner'
import type { Suggestion } from '../library/suggestions'
import type { DocsortService } from './docsort-service'
import { isInside } from './path-guard'
import { writeSettings } from './settings'
import { categoryViews, learnResult, modelView, moveView, suggestionView } from './views'

const RECENT_DEFAULT = 50
const HISTORY_DEFAULT = 100
const SEARCH_DEFAULT = 50
// A screenful or two is what a person reviews at once.
const INBOX_DEFAULT = 200

export function createHandlers(service: DocsortService): Handlers {
  const { app, bus, guard } = service
  const library = app.library
  const progress = (p: { done: number; total: number; path?: string }): void =>
    bus.emit('learning:progressed', { done: p.done, total: p.total, path: p.path ?? null })

  return {
    'app:state': () => Promise.resolve(service.state()),

    'settings:update': (params) => {
      writeSettings(library.desk, params)
      if (params.startAtLogin !== undefined) service.desktop?.setStartAtLogin(params.startAtLogin)
      service.changed()
      return Promise.resolve(service.settings())
    },

    'category:add': async ({ name, folder }) => {
      const taken = library.listCategories().find((c) => sameName(c.name, name))
      if (taken) {
        throw new AppError(
          'library/category-exists',
          `A category named "${taken.name}" already exists`,
        )
      }
      const real = await guard.newFolder(folder, { create: true })
      const watched = library.desk.listWatched().find((w) => isInside(real, w.folder))
      if (watched) {
        throw new AppError(
          'input/invalid',
          `"${real}" holds the watched folder "${watched.folder}": a category folder cannot be ` +
            'watched, or its sorted files would come back to the Inbox',
          { path: folder },
        )
      }
      library.upsertCategory(name, real)
      service.changed()
      return categoryView(service, name)
    },

    'category:rename': ({ name, to }) => {
      app.renameCategory(name, to)
      service.changed()
      return Promise.resolve(categoryView(service, to))
    },

    'category:remove': ({ name }) => {
      if (!library.removeCategory(name)) throw notFound(name)
      service.changed()
      return Promise.resolve(null)
    },

    'category:learn': async ({ name }) => {
      const report = await app.learnCategory(name, progress)
      service.changed()
      return learnResult(report, library)
    },

    'folder:learn': async ({ folder }) => {
      const report = await app.learn([await guard.newFolder(folder)], progress)
      service.changed()
      return learnResult(report, library)
    },

    'folder:pick': async () => {
      const desktop = requireDesktop(service, 'Choosing a folder')
      const folder = await desktop.pickFolder()
      if (folder !== null) service.grantFolder(folder)
      return folder
    },

    'watch:add': async ({ folder }) => {
      const real = await guard.newFolder(folder)
      const category = library.listCategories().find((c) => isInside(c.folder, real))
      if (category) {
        throw new AppError(
          'input/invalid',
          `"${real}" is the folder of the category "${category.name}" (or inside it): its files ` +
            'are already sorted, so it cannot be watched',
          { path: folder },
        )
      }
      library.desk.addWatched(real)
      return rewatched(service)
    },

    'watch:remove': ({ folder }) => {
      if (!library.desk.removeWatched(folder)) throw notWatched(folder)
      return rewatched(service)
    },

    'watch:set-enabled': ({ folder, enabled }) => {
      if (!library.desk.setWatchedEnabled(folder, enabled)) throw notWatched(folder)
      return rewatched(service)
    },

    'watch:pause': async ({ paused }) => {
      await service.setPaused(paused)
      return service.settings()
    },

    'watch:recent': ({ limit }) =>
      Promise.resolve(service.inbox.recentFiles(limit ?? RECENT_DEFAULT)),

    'inbox:list': async ({ limit }) => {
      const classifier = await service.classifier().catch(() => undefined)
      return library
        .listSuggestions('pending')
        .reverse()
        .slice(0, limit ?? INBOX_DEFAULT)
        .map((s): SuggestionView => suggestionView(library, s, classifier, service.reasons))
    },

    'suggestion:accept': async ({ id }) => {
      const suggestion = pendingSuggestion(service, id)
      if (!suggestion.category) throw noCategory(suggestion)
      const [result] = await moveSuggestions(service, [suggestion], () => suggestion.category)
      return result ?? failed(suggestion)
    },

    'suggestion:correct': async ({ id, category }) => {
      const suggestion = pendingSuggestion(service, id)
      if (!library.getCategory(category)) throw notFound(category)
      const classifier = await service.classifier().catch(() => undefined)
      const document = library.getDocument(suggestion.documentId)
      const content = document ? library.getContent(document.hash) : undefined
      if (classifier && content?.ok) classifier.learnCorrection(content, category)
      const [result] = await moveSuggestions(service, [suggestion], () => category, 'corrected')
      return result ?? failed(suggestion)
    },

    'suggestion:skip': ({ id }) => {
      const suggestion = pendingSuggestion(service, id)
      library.setSuggestionStatus(id, 'skipped')
      library.setDocumentStatus(suggestion.documentId, 'skipped')
      inboxChanged(service)
      return Promise.resolve(null)
    },

    'suggestion:accept-all': async ({ minConfidence }) => {
      const chosen = library
        .listSuggestions('pending')
        .filter((s) => s.category !== null && !s.unsure && s.confidence >= minConfidence)
      const results = await moveSuggestions(service, chosen, (s) => s.category)
      return {
        accepted: results.filter((r) => r.movedTo !== null || r.duplicateOf !== null).length,
        failed: results.flatMap((r) => (r.error ? [r.error] : [])),
      }
    },

    'file:open': async ({ path }) => {
      const real = await guard.configuredPath(path)
      await requireDesktop(service, 'Opening a file').openPath(real)
      return null
    },

    'file:reveal': async ({ path }) => {
      const real = await guard.configuredPath(path)
      requireDesktop(service, 'Showing a file in its folder').revealPath(real)
      return null
    },

    'model:retrain': () => {
      service.training.start()
      service.changed()
      return Promise.resolve(null)
    },

    'model:cancel': () => {
      service.training.cancel()
      return Promise.resolve(null)
    },

    'model:list': () => Promise.resolve(library.listModels().map(modelView)),

    'model:rollback': async ({ version }) => {
      const record = await app.activateModel(version)
      service.changed()
      return modelView(record)
    },

    'history:list': ({ limit, before }) =>
      Promise.resolve(
        library.desk
          .history(limit ?? HISTORY_DEFAULT, before ?? null)
          .map((row) => moveView(row, library)),
      ),

    'history:undo': async ({ moveIds }) => undoMoves(service, moveIds),

    'library:search': ({ query, limit }) =>
      Promise.resolve(
        library.search
          .find(query, limit ?? SEARCH_DEFAULT)
          .map((hit) => ({ ...hit, name: basename(hit.path) })),
      ),
  }
}

/** Category names compare without case and width: "Invoices" and "invoices" are one name. */
function sameName(a: string, b: string): boolean {
  return a.normalize('NFKC').toLowerCase() === b.normalize('NFKC').toLowerCase()
}

function categoryView(service: DocsortService, name: string) {
  const view = categoryViews(service.app.library).find((c) => c.name === name)
  if (!view) throw notFound(name)
  return view
}

async function rewatched(service: DocsortService) {
  await service.rewatch()
  service.changed()
  return service.state().watched
}

function pendingSuggestion(service: DocsortService, id: number): Suggestion {
  const suggestion = service.app.library.getSuggestion(id)
  if (!suggestion || suggestion.status !== 'pending') {
    throw new AppError(
      'library/suggestion-not-found',
      `Suggestion ${id} does not exist or was already handled`,
    )
  }
  return suggestion
}

/**
 * Moves the suggestions' files as one undoable batch, each to the category `target` names,
 * records the user's choice as a label and marks the suggestions handled.
 */
async function moveSuggestions(
  service: DocsortService,
  suggestions: Suggestion[],
  target: (s: Suggestion) => string | null,
  source: 'accepted' | 'corrected' = 'accepted',
): Promise<ActionResult[]> {
  const { app } = service
  const library = app.library
  const entries: SortEntry[] = suggestions.map((s) => ({
    path: s.path,
    category: target(s),
    predicted: s.category,
    confidence: s.confidence,
    runnersUp: s.runnersUp,
    movedTo: null,
    duplicateOf: null,
    error: null,
  }))
  for (const [i, s] of suggestions.entries()) {
    const category = library.getCategory(entries[i]?.category ?? '')
    const document = library.getDocument(s.documentId)
    if (category && document) library.setLabel(document.hash, category.id, source)
  }

  const results = await app.applySort(entries)
  for (const [i, result] of results.entries()) {
    const suggestion = suggestions[i]
    if (!suggestion || result.error) continue
    library.setSuggestionStatus(suggestion.id, source)
    if (result.movedTo) service.inbox.note(suggestion.path, 'moved', { movedTo: result.movedTo })
    if (result.duplicateOf) {
      service.inbox.note(suggestion.path, 'duplicate', { movedTo: result.duplicateOf })
    }
  }
  const moved = results.filter((r) => r.movedTo !== null).length
  if (moved > 0) {
    const rows = library.desk.history(moved)
    for (const row of rows.reverse()) service.bus.emit('file:moved', moveView(row, library))
    service.bus.emit('history:changed', { latest: rows.at(-1)?.id ?? null })
  }
  inboxChanged(service)
  return results.map((r) => ({ movedTo: r.movedTo, duplicateOf: r.duplicateOf, error: r.error }))
}

async function undoMoves(service: DocsortService, moveIds: number[]) {
  const report = await service.app.undoMoves(moveIds)
  // A file put back waits in the Inbox for a decision again, never moved alone.
  const back = report.undone.map((u) => u.to)
  if (back.length > 0) await service.app.planFiles(back).catch(() => undefined)
  service.bus.emit('history:changed', {
    latest: service.app.library.desk.history(1)[0]?.id ?? null,
  })
  inboxChanged(service)
  return {
    undone: report.undone.map((u) => u.moveId),
    failed: report.failed,
  }
}

function inboxChanged(service: DocsortService): void {
  service.bus.emit('inbox:changed', {
    count: service.app.library.countSuggestions('pending'),
  })
  service.changed()
}

function requireDesktop(service: DocsortService, what: string) {
  if (!service.desktop) {
    throw new AppError('input/unavailable', `${what} needs the desktop app`)
  }
  return service.desktop
}

function failed(suggestion: Suggestion): ActionResult {
  return {
    movedTo: null,
    duplicateOf: null,
    error: { code: 'app/failed', message: 'The file was not moved', path: suggestion.path },
  }
}

function notFound(name: string): AppError {
  return new AppError('library/category-not-found', `There is no category named "${name}"`)
}

function notWatched(folder: string): AppError {
  return new AppError('input/invalid', `"${folder}" is not a watched folder`, { path: folder })
}

function noCategory(suggestion: Suggestion): AppError {
  return new AppError(
    'library/category-not-found',
    `The suggested category for "${suggestion.path}" no longer exists; pick another one`,
    { path: suggestion.path },
  )
}
