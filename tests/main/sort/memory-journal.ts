import type {
  FinalState,
  MoveJournal,
  MoveMethod,
  MoveOutcome,
  MoveRecord,
  NewMove,
} from '../../../src/main/sort/move-journal'

/** A MoveJournal in a Map, for tests that do not need durability. */
export class MemoryMoveJournal implements MoveJournal {
  readonly rows = new Map<number, MoveRecord>()
  private nextId = 1

  begin(move: NewMove): MoveRecord {
    const row: MoveRecord = {
      ...move,
      id: this.nextId++,
      method: null,
      state: 'pending',
      error: null,
      createdAt: Date.now(),
      finishedAt: null,
    }
    this.rows.set(row.id, row)
    return { ...row }
  }

  retarget(id: number, target: string): void {
    this.update(id, { target })
  }

  setMethod(id: number, method: MoveMethod): void {
    this.update(id, { method })
  }

  finish(id: number, state: FinalState, outcome: MoveOutcome = {}): void {
    const method = outcome.method ?? this.rows.get(id)?.method ?? null
    this.update(id, { state, method, error: outcome.error ?? null, finishedAt: Date.now() })
  }

  finishUndo(undoId: number, moveId: number, outcome: MoveOutcome = {}): void {
    this.finish(undoId, 'done', outcome)
    this.update(moveId, { state: 'undone', finishedAt: Date.now() })
  }

  get(id: number): MoveRecord | undefined {
    const row = this.rows.get(id)
    return row === undefined ? undefined : { ...row }
  }

  pending(): MoveRecord[] {
    return [...this.rows.values()].filter((row) => row.state === 'pending').map((r) => ({ ...r }))
  }

  batch(batchId: string): MoveRecord[] {
    return [...this.rows.values()].filter((row) => row.batchId === batchId).map((r) => ({ ...r }))
  }

  lastBatchId(): string | null {
    const moves = [...this.rows.values()].filter((r) => r.kind === 'move' && r.batchId !== null)
    return moves.at(-1)?.batchId ?? null
  }

  private update(id: number, change: Partial<MoveRecord>): void {
    const row = this.rows.get(id)
    if (row === undefined) throw new Error(`no move ${id}`)
    this.rows.set(id, { ...row, ...change })
  }
}
