/**
 * The network: hashed word embeddings, parallel 1-D convolutions of several widths with
 * max-over-time pooling and dropout, a dense layer to class logits, plus a wide linear branch
 * over hashed TF-IDF n-grams whose logits are added to the convolutional ones.
 *
 * The two large tables (embeddings, n-gram weights) live in SparseTables outside TensorFlow.js;
 * a batch's rows are gathered into tensors, and training feeds their gradients back row by row.
 * The small dense weights are tf.Variables. `dispose` frees them.
 */
import * as tf from '@tensorflow/tfjs'
import { linear, maxOverTime, windows } from './ops'
import { SparseTable } from './sparse-table'
import { seededRandom } from '../train/random'

export interface Architecture {
  embeddingDim: number
  /** Convolution widths in tokens, one branch each. */
  widths: number[]
  /** Filters per width. */
  filters: number
  /** Dropout on the pooled convolutional features while training. */
  dropout: number
  /** Dropout on the wide branch's input features while training. */
  wideDropout: number
}

export interface NetworkShape {
  tokenBuckets: number
  sequenceLength: number
  ngramBuckets: number
  maxWideFeatures: number
  classes: number
  architecture: Architecture
}

/** One batch: ids stay in JavaScript; the caller disposes `wideValues`. */
export interface BatchInputs {
  size: number
  /** [size · sequenceLength] word ids. */
  ids: Int32Array
  /** [size · maxWideFeatures] n-gram buckets. */
  wideIndices: Int32Array
  /** [size, maxWideFeatures] TF-IDF weights. */
  wideValues: tf.Tensor2D
}

/** The batch's rows of the two tables as tensors. */
export interface GatheredRows {
  /** [size · sequenceLength, embeddingDim] */
  embedded: tf.Tensor2D
  /** [size · maxWideFeatures, classes] */
  wide: tf.Tensor2D
}

export type WeightMap = Map<string, { shape: number[]; values: Float32Array }>

export const EMBEDDING = 'embedding'
export const WIDE = 'wide/kernel'

export class TextCnnNetwork {
  readonly shape: NetworkShape
  readonly embedding: SparseTable
  readonly wide: SparseTable
  readonly variables: Map<string, tf.Variable>

  private constructor(
    shape: NetworkShape,
    tables: { embedding: SparseTable; wide: SparseTable },
    variables: Map<string, tf.Variable>,
  ) {
    this.shape = shape
    this.embedding = tables.embedding
    this.wide = tables.wide
    this.variables = variables
  }

  static create(shape: NetworkShape, seed = 1): TextCnnNetwork {
    const { architecture: a, classes } = shape
    const pooled = a.filters * a.widths.length
    const init = new Map<string, tf.Tensor>()
    a.widths.forEach((width, i) => {
      init.set(`conv${width}/kernel`, glorot([width * a.embeddingDim, a.filters], seed + 1 + i))
      init.set(`conv${width}/bias`, tf.zeros([a.filters]))
    })
    init.set('dense/kernel', glorot([pooled, classes], seed + 100))
    init.set('output/bias', tf.zeros([classes]))
    const tables = {
      embedding: SparseTable.uniform(shape.tokenBuckets, a.embeddingDim, 0.05, seededRandom(seed)),
      wide: new SparseTable(shape.ngramBuckets, classes),
    }
    return new TextCnnNetwork(shape, tables, toVariables(init))
  }

  static fromWeights(shape: NetworkShape, weights: WeightMap): TextCnnNetwork {
    const init = new Map<string, tf.Tensor>()
    let embedding: SparseTable | undefined
    let wide: SparseTable | undefined
    for (const [name, { shape: dims, values }] of weights) {
      if (name === EMBEDDING)
        embedding = new SparseTable(dims[0] ?? 0, dims[1] ?? 0, values.slice())
      else if (name === WIDE) wide = new SparseTable(dims[0] ?? 0, dims[1] ?? 0, values.slice())
      else init.set(name, tf.tensor(values, dims))
    }
    if (!embedding || !wide) throw new Error('Weights lack the embedding or wide table')
    return new TextCnnNetwork(shape, { embedding, wide }, toVariables(init))
  }

  /** Gathers the batch's table rows into new tensors; the caller disposes them. */
  gather(batch: BatchInputs): GatheredRows {
    const { architecture: a, classes } = this.shape
    return {
      embedded: tf.tensor2d(this.embedding.gather(batch.ids), [batch.ids.length, a.embeddingDim]),
      wide: tf.tensor2d(this.wide.gather(batch.wideIndices), [batch.wideIndices.length, classes]),
    }
  }

  /** Logits [size, classes]. Pure tensor code: call inside `tf.tidy` or a gradient function. */
  forward(batch: BatchInputs, rows: GatheredRows, training: boolean): tf.Tensor2D {
    const { architecture: a, sequenceLength, maxWideFeatures, classes } = this.shape
    const embedded = rows.embedded.reshape<tf.Tensor3D>([
      batch.size,
      sequenceLength,
      a.embeddingDim,
    ])

    const pooled = a.widths.map((width) => {
      const steps = sequenceLength - width + 1
      const kernel = this.get(`conv${width}/kernel`)
      const activations = tf.relu(
        linear(windows(embedded, width), kernel).add(this.get(`conv${width}/bias`)),
      )
      return maxOverTime(activations.reshape<tf.Tensor3D>([batch.size, steps, a.filters]))
    })
    let features: tf.Tensor2D = tf.concat(pooled, 1)
    if (training && a.dropout > 0) features = tf.dropout(features, a.dropout) as tf.Tensor2D
    const deep = linear(features, this.get('dense/kernel'))

    let values: tf.Tensor2D = batch.wideValues
    if (training && a.wideDropout > 0) values = tf.dropout(values, a.wideDropout) as tf.Tensor2D
    const wideRows = rows.wide.reshape<tf.Tensor3D>([batch.size, maxWideFeatures, classes])
    const wide = tf.sum<tf.Tensor2D>(tf.mul(wideRows, values.expandDims(2)), 1)

    return deep.add(wide).add(this.get('output/bias'))
  }

  /** Logits of a batch without dropout, as plain numbers: [size · classes]. Leaves no tensor. */
  logits(batch: BatchInputs): Float32Array {
    const rows = this.gather(batch)
    try {
      const logits = tf.tidy(() => this.forward(batch, rows, false))
      const values = logits.dataSync() as Float32Array
      logits.dispose()
      return values
    } finally {
      rows.embedded.dispose()
      rows.wide.dispose()
    }
  }

  /** Copies of every weight, for keeping the best epoch or saving. */
  async weights(): Promise<WeightMap> {
    const out: WeightMap = new Map()
    out.set(EMBEDDING, {
      shape: [this.embedding.rows, this.embedding.width],
      values: this.embedding.values.slice(),
    })
    out.set(WIDE, { shape: [this.wide.rows, this.wide.width], values: this.wide.values.slice() })
    for (const [name, variable] of this.variables) {
      out.set(name, { shape: [...variable.shape], values: (await variable.data()) as Float32Array })
    }
    return out
  }

  assign(weights: WeightMap): void {
    for (const [name, { shape, values }] of weights) {
      if (name === EMBEDDING) this.embedding.values.set(values)
      else if (name === WIDE) this.wide.values.set(values)
      else {
        const variable = this.variables.get(name)
        if (!variable) throw new Error(`Unknown weight ${name}`)
        tf.tidy(() => variable.assign(tf.tensor(values, shape)))
      }
    }
  }

  dispose(): void {
    for (const variable of this.variables.values()) variable.dispose()
    this.variables.clear()
  }

  private get(name: string): tf.Tensor2D {
    const variable = this.variables.get(name)
    if (!variable) throw new Error(`Network has no weight ${name}`)
    return variable as unknown as tf.Tensor2D
  }
}

function toVariables(init: Map<string, tf.Tensor>): Map<string, tf.Variable> {
  const variables = new Map<string, tf.Variable>()
  for (const [name, tensor] of init) {
    variables.set(name, tf.variable(tensor, true, `${name}_${nextUid()}`))
    tensor.dispose()
  }
  return variables
}

function glorot(shape: [number, number], seed: number): tf.Tensor2D {
  const limit = Math.sqrt(6 / (shape[0] + shape[1]))
  return tf.randomUniform(shape, -limit, limit, 'float32', seed)
}

// Variable names are global in a tfjs engine; two networks alive at once need distinct ones.
let uid = 0
function nextUid(): number {
  uid += 1
  return uid
}
