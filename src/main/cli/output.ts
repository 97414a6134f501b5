/**
 * Everything the CLI prints: result lines and tables on stdout, progress bars on stderr (only on
 * a terminal, and never with --json, so that scripts get clean output).
 */
import { basename } from 'node:path'
import type { EvaluationMetrics } from '../../shared/types'

export class Output {
  constructor(
    readonly json: boolean,
    private readonly stdout: NodeJS.WriteStream = process.stdout,
    private readonly stderr: NodeJS.WriteStream = process.stderr,
  ) {}

  line(text = ''): void {
    if (!this.json) this.stdout.write(`${text}\n`)
  }

  result(value: unknown): void {
    if (this.json) this.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  }

  error(text: string): void {
    this.stderr.write(`docsort: ${text}\n`)
  }

  progress(label: string): ProgressBar {
    return new ProgressBar(label, this.stderr, !this.json && this.stderr.isTTY === true)
  }
}

export class ProgressBar {
  private lastDraw = 0
  private drawn = false

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  update(done: number, total: number, detail = ''): void {
    if (!this.enabled) return
    const now = Date.now()
    if (now - this.lastDraw < 80 && done < total) return
    this.lastDraw = now
    const width = 28
    const ratio = total > 0 ? Math.min(1, done / total) : 0
    const filled = Math.round(ratio * width)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
    const columns = this.stream.columns ?? 100
    const text = `${this.label} ${bar} ${done}/${total} ${detail}`.slice(0, columns - 1)
    this.stream.write(`\r\x1b[2K${text}`)
    this.drawn = true
  }

  finish(): void {
    if (this.enabled && this.drawn) this.stream.write('\r\x1b[2K')
    this.drawn = false
  }
}

export function percent(value: number | null): string {
  return value === null ? '   –  ' : `${(value * 100).toFixed(1).padStart(5)}%`
}

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? []
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  '),
    )
    .join('\n')
}

export function metricsTable(metrics: EvaluationMetrics): string {
  const rows = [['category', 'precision', 'recall', 'f1', 'support']]
  for (const m of metrics.perClass) {
    rows.push([m.label, percent(m.precision), percent(m.recall), percent(m.f1), String(m.support)])
  }
  return table(rows)
}

export function confusionTable(metrics: EvaluationMetrics): string {
  const short = metrics.labels.map((_, i) => `#${i + 1}`)
  const rows = [['actual \\ predicted', ...short]]
  metrics.confusion.forEach((row, i) => {
    rows.push([`#${i + 1} ${metrics.labels[i] ?? ''}`, ...row.map(String)])
  })
  return table(rows)
}

export function fileName(path: string): string {
  return basename(path)
}
