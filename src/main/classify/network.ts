/**
 * The network: hashed word embeddings, parallel 1-D convolutions of several widths with
 * max-over-time pooling and dropout, a dense layer to class logits, plus a wide linear branch
 * over hashed TF-IDF n-grams whose logits are added to the convolutional ones. Owns its
 * variables; `dispose` frees them.
 */
import * as tf from '@tensorflow/tfjs'
import { gatherRows, linear, maxOverTime, windows } from './ops'

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

/** One batch as tensors; the caller creates and disposes them. */
export interface BatchTensors {
  /** [batch · sequenceLength] int32 word ids. */
  ids: tf.Tensor1D
  /** [batch · maxWideFeatures] int32 n-gram buckets. */
  wideIndices: tf.Tensor1D
  /** [batch, maxWideFeatures] float32 TF-IDF weights. */
  wideValues: tf.Tensor2D
  size: number
}

export type WeightMap = Map<string, { shape: number[]; values: Float32Array }>

export class TextCnnNetwork {
  readonly shape: NetworkShape
  readonly variables: Map<string, tf.Variable>

  private constructor(shape: NetworkShape, variables: Map<string, tf.Variable>) {
    this.shape = shape
    this.variables = variables
  }

  static create(shape: NetworkShape, seed = 1): TextCnnNetwork {
    const { architecture: a, classes } = shape
    const pooled = a.filters * a.widths.length
    const init = new Map<string, tf.Tensor>()
    init.set(
      'embedding',
      tf.randomUniform([shape.tokenBuckets, a.embeddingDim], -0.05, 0.05, 'float32', seed),
    )
    a.widths.forEach((width, i) => {
      init.set(`conv${width}/kernel`, glorot([width * a.embeddingDim, a.filters], seed + 1 + i))
      init.set(`conv${width}/bias`, tf.zeros([a.filters]))
    })
    init.set('dense/kernel', glorot([pooled, classes], seed + 100))
    init.set('wide/kernel', tf.zeros([shape.ngramBuckets, classes]))
    init.set('output/bias', tf.zeros([classes]))
    return TextCnnNetwork.fromTensors(shape, init)
  }

  static fromWeights(shape: NetworkShape, weights: WeightMap): TextCnnNetwork {
    const init = new Map<string, tf.Tensor>()
    for (const [name, { shape: dims, values }] of weights) init.set(name, tf.tensor(values, dims))
    return TextCnnNetwork.fromTensors(shape, init)
  }

  private static fromTensors(shape: NetworkShape, init: Map<string, tf.Tensor>): TextCnnNetwork {
    const variables = new Map<string, tf.Variable>()
    for (const [name, tensor] of init) {
      variables.set(name, tf.variable(tensor, true, `${name}_${tensorUid()}`))
      tensor.dispose()
    }
    return new TextCnnNetwork(shape, variables)
  }

  /** Logits [batch, classes]. Pure tensor code: call inside `tf.tidy` or an optimizer step. */
  forward(batch: BatchTensors, training: boolean): tf.Tensor2D {
    const { architecture: a, sequenceLength, maxWideFeatures, classes } = this.shape
    const embedded = gatherRows(this.get('embedding'), batch.ids).reshape<tf.Tensor3D>([
      batch.size,
      sequenceLength,
      a.embeddingDim,
    ])

    const pooled = a.widths.map((width) => {
      const steps = sequenceLength - width + 1
      const activations = tf.relu(
        linear(windows(embedded, width), this.get(`conv${width}/kernel`)).add(
          this.get(`conv${width}/bias`),
        ),
      )
      return maxOverTime(activations.reshape<tf.Tensor3D>([batch.size, steps, a.filters]))
    })
    let features: tf.Tensor2D = tf.concat(pooled, 1)
    if (training && a.dropout > 0) features = tf.dropout(features, a.dropout) as tf.Tensor2D
    const deep = linear(features, this.get('dense/kernel'))

    let values: tf.Tensor2D = batch.wideValues
    if (training && a.wideDropout > 0) values = tf.dropout(values, a.wideDropout) as tf.Tensor2D
    const rows = gatherRows(this.get('wide/kernel'), batch.wideIndices).reshape([
      batch.size,
      maxWideFeatures,
      classes,
    ])
    const wide = tf.sum<tf.Tensor2D>(tf.mul(rows, values.expandDims(2)), 1)

    return deep.add(wide).add(this.get('output/bias'))
  }

  /** Copies of every weight, for keeping the best epoch or saving. */
  async weights(): Promise<WeightMap> {
    const out: WeightMap = new Map()
    for (const [name, variable] of this.variables) {
      out.set(name, { shape: [...variable.shape], values: (await variable.data()) as Float32Array })
    }
    return out
  }

  assign(weights: WeightMap): void {
    for (const [name, { shape, values }] of weights) {
      const variable = this.variables.get(name)
      if (!variable) throw new Error(`Unknown weight ${name}`)
      tf.tidy(() => variable.assign(tf.tensor(values, shape)))
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

function glorot(shape: [number, number], seed: number): tf.Tensor2D {
  const limit = Math.sqrt(6 / (shape[0] + shape[1]))
  return tf.randomUniform(shape, -limit, limit, 'float32', seed)
}

// Variable names are global in a tfjs engine; two networks alive at once need distinct ones.
let nextUid = 0
function tensorUid(): number {
  nextUid += 1
  return nextUid
}
