/**
 * A large lookup table (hashed word embeddings, the wide branch's n-gram weights) kept in a
 * plain Float32Array. A batch touches a few thousand of its rows, so rows are gathered here and
 * only those rows are updated, with a lazy Adam: dense tensors and dense optimizer updates of the
 * whole table each step would cost more than the rest of the network together.
 */
export interface AdamSettings {
  learningRate: number
  beta1: number
  beta2: number
  epsilon: number
}

export class SparseTable {
  readonly rows: number
  readonly width: number
  readonly values: Float32Array
  private moments: { m: Float32Array; v: Float32Array; steps: Uint32Array } | undefined

  constructor(rows: number, width: number, values?: Float32Array) {
    if (values && values.length !== rows * width) {
      throw new Error(`Table of ${rows}×${width} given ${values.length} values`)
    }
    this.rows = rows
    this.width = width
    this.values = values ?? new Float32Array(rows * width)
  }

  static uniform(rows: number, width: number, limit: number, random: () => number): SparseTable {
    const table = new SparseTable(rows, width)
    for (let i = 0; i < table.values.length; i++) table.values[i] = (random() * 2 - 1) * limit
    return table
  }

  /** Rows at `indices`, concatenated: [indices.length · width]. */
  gather(indices: Int32Array): Float32Array {
    const out = new Float32Array(indices.length * this.width)
    for (let i = 0; i < indices.length; i++) {
      const row = indices[i] ?? 0
      out.set(this.values.subarray(row * this.width, (row + 1) * this.width), i * this.width)
    }
    return out
  }

  /**
   * One Adam step on the rows named in `indices`, given the gradient of each gathered row
   * ([indices.length · width]); repeated rows have their gradients summed first. Each row keeps
   * its own step count for bias correction, so rarely seen words are not under-corrected.
   */
  applyAdam(indices: Int32Array, gradients: Float32Array, settings: AdamSettings): void {
    const w = this.width
    const summed = new Map<number, Float32Array>()
    for (let i = 0; i < indices.length; i++) {
      const row = indices[i] ?? 0
      let acc = summed.get(row)
      if (!acc) {
        acc = new Float32Array(w)
        summed.set(row, acc)
      }
      const offset = i * w
      for (let k = 0; k < w; k++) acc[k] = (acc[k] ?? 0) + (gradients[offset + k] ?? 0)
    }

    this.moments ??= {
      m: new Float32Array(this.values.length),
      v: new Float32Array(this.values.length),
      steps: new Uint32Array(this.rows),
    }
    const { m, v, steps } = this.moments
    const { learningRate, beta1, beta2, epsilon } = settings
    for (const [row, grad] of summed) {
      const t = (steps[row] ?? 0) + 1
      steps[row] = t
      const correction1 = 1 - beta1 ** t
      const correction2 = 1 - beta2 ** t
      const base = row * w
      for (let k = 0; k < w; k++) {
        const g = grad[k] ?? 0
        const j = base + k
        const mj = beta1 * (m[j] ?? 0) + (1 - beta1) * g
        const vj = beta2 * (v[j] ?? 0) + (1 - beta2) * g * g
        m[j] = mj
        v[j] = vj
        this.values[j] =
          (this.values[j] ?? 0) -
          (learningRate * (mj / correction1)) / (Math.sqrt(vj / correction2) + epsilon)
      }
    }
  }

  /** Drops the optimizer state, e.g. once training is over. */
  releaseOptimizerState(): void {
    this.moments = undefined
  }
}
