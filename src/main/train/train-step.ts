/**
 * One optimizer step: forward and backward over a batch, Adam on the dense weights, and the lazy
 * Adam row updates of the two tables from the gradients of their gathered rows.
 */
import * as tf from '@tensorflow/tfjs'
import { batchInputs, disposeBatch, type EncodedDocuments } from '../classify/encoding'
import type { FeatureSpec } from '../classify/features'
import type { TextCnnNetwork } from '../classify/network'
import type { AdamSettings } from '../classify/sparse-table'

export function trainStep(
  network: TextCnnNetwork,
  optimizer: tf.Optimizer,
  adam: AdamSettings,
  encoded: EncodedDocuments,
  rows: number[],
  targets: readonly number[],
  classWeights: Float32Array,
  spec: FeatureSpec,
  classes: number,
): { loss: number; correct: number } {
  const batch = batchInputs(encoded, rows, spec)
  const labels = rows.map((r) => targets[r] ?? 0)
  const gathered = network.gather(batch)
  // The gathered table rows become variables for this step only, so that their gradients come
  // back from the same backward pass as the dense weights' and can be applied row by row.
  const embedded = tf.variable(gathered.embedded, true, `step-embedded-${stepUid()}`)
  const wide = tf.variable(gathered.wide, true, `step-wide-${stepUid()}`)
  gathered.embedded.dispose()
  gathered.wide.dispose()
  let predicted: tf.Tensor | undefined
  let grads: tf.NamedTensorMap = {}
  try {
    const dense = [...network.variables.values()]
    const result = tf.variableGrads(() => {
      const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), classes)
      const weights = tf.tensor1d(labels.map((l) => classWeights[l] ?? 1))
      const logits = network.forward(batch, { embedded, wide }, true)
      predicted = tf.keep(tf.argMax(logits, 1))
      const loss: tf.Scalar = tf.losses.softmaxCrossEntropy(oneHot, logits, weights)
      return loss
    }, [...dense, embedded, wide])
    grads = result.grads
    const lossValue = result.value.dataSync()[0] ?? Number.NaN
    result.value.dispose()

    const denseGrads: tf.NamedTensorMap = {}
    for (const variable of dense) {
      const grad = grads[variable.name]
      if (grad) denseGrads[variable.name] = grad
    }
    optimizer.applyGradients(denseGrads)
    const embeddedGrad = grads[embedded.name]
    const wideGrad = grads[wide.name]
    if (embeddedGrad)
      network.embedding.applyAdam(batch.ids, embeddedGrad.dataSync() as Float32Array, adam)
    if (wideGrad)
      network.wide.applyAdam(batch.wideIndices, wideGrad.dataSync() as Float32Array, adam)

    const picks = predicted?.dataSync() ?? []
    const correct = labels.filter((label, i) => picks[i] === label).length
    return { loss: lossValue, correct }
  } finally {
    for (const grad of Object.values(grads)) grad.dispose()
    predicted?.dispose()
    embedded.dispose()
    wide.dispose()
    disposeBatch(batch)
  }
}
let stepCounter = 0
function stepUid(): number {
  stepCounter += 1
  return stepCounter
}
