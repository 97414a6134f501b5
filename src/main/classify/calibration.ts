/**
 * Softmax with temperature, and fitting that temperature on held-out logits so that a shown
 * confidence of 0.8 means right about 80 % of the time. Plain arrays: no tensors.
 */
export function softmaxRow(logits: Float32Array | number[], temperature: number): number[] {
  let max = Number.NEGATIVE_INFINITY
  for (const value of logits) max = Math.max(max, value)
  const exps = Array.from(logits, (value) => Math.exp((value - max) / temperature))
  const sum = exps.reduce((a, b) => a + b, 0)
  return exps.map((value) => value / sum)
}

/** Mean negative log-likelihood of the true classes. `logits` is [n · classes], row-major. */
export function negativeLogLikelihood(
  logits: Float32Array,
  targets: readonly number[],
  classes: number,
  temperature: number,
): number {
  let total = 0
  targets.forEach((target, i) => {
    const probs = softmaxRow(logits.subarray(i * classes, (i + 1) * classes), temperature)
    total -= Math.log(Math.max(probs[target] ?? 0, 1e-12))
  })
  return total / Math.max(targets.length, 1)
}

/**
 * The temperature in [0.25, 8] with the lowest held-out NLL, searched on a log grid. With fewer
 * than `minimum` held-out documents the estimate is noise, so 1 is returned.
 */
export function fitTemperature(
  logits: Float32Array,
  targets: readonly number[],
  classes: number,
  minimum = 20,
): number {
  if (targets.length < minimum) return 1
  let best = 1
  let bestLoss = negativeLogLikelihood(logits, targets, classes, 1)
  for (let step = -20; step <= 30; step++) {
    const temperature = 2 ** (step / 10)
    const loss = negativeLogLikelihood(logits, targets, classes, temperature)
    if (loss < bestLoss) {
      best = temperature
      bestLoss = loss
    }
  }
  return best
}

/**
 * Jointly picks the weight of the prototype similarities added to the network's logits and the
 * softmax temperature, by held-out NLL. With fewer than `minimum` held-out documents the search
 * would fit noise, so the given defaults are returned.
 */
export function fitCombination(
  logits: Float32Array,
  similarities: Float32Array,
  targets: readonly number[],
  classes: number,
  defaults: { weight: number; temperature: number },
  minimum = 20,
): { weight: number; temperature: number } {
  if (targets.length < minimum) return defaults
  let best = { ...defaults, loss: Number.POSITIVE_INFINITY }
  for (const weight of [0, 2, 5, 10, 20, 40, 80, 160]) {
    const combined = combineLogits(logits, similarities, weight)
    const temperature = fitTemperature(combined, targets, classes, 0)
    const loss = negativeLogLikelihood(combined, targets, classes, temperature)
    if (loss < best.loss) best = { weight, temperature, loss }
  }
  return { weight: best.weight, temperature: best.temperature }
}

export function combineLogits(
  logits: Float32Array,
  similarities: Float32Array,
  weight: number,
): Float32Array {
  const out = new Float32Array(logits.length)
  for (let i = 0; i < logits.length; i++)
    out[i] = (logits[i] ?? 0) + weight * (similarities[i] ?? 0)
  return out
}

/** Expected calibration error over equal-width confidence bins. */
export function expectedCalibrationError(
  confidences: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): number {
  const count = new Array<number>(bins).fill(0)
  const confidenceSum = new Array<number>(bins).fill(0)
  const correctSum = new Array<number>(bins).fill(0)
  confidences.forEach((confidence, i) => {
    const bin = Math.min(bins - 1, Math.floor(confidence * bins))
    count[bin] = (count[bin] ?? 0) + 1
    confidenceSum[bin] = (confidenceSum[bin] ?? 0) + confidence
    correctSum[bin] = (correctSum[bin] ?? 0) + (correct[i] ? 1 : 0)
  })
  let ece = 0
  for (let b = 0; b < bins; b++) {
    const n = count[b] ?? 0
    if (n === 0) continue
    ece +=
      (n / confidences.length) * Math.abs((correctSum[b] ?? 0) / n - (confidenceSum[b] ?? 0) / n)
  }
  return ece
}
