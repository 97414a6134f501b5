/**
 * Differentiable building blocks with hand-written gradients. The stock conv1d layer has no
 * gradient kernel on the wasm backend (and crawls on cpu), and the generic gradients of `matMul`
 * with transposes and of `max` are slow there, so the network is built from these instead.
 * Every function is pure tensor code: callers run it inside `tf.tidy` or an optimizer step,
 * which dispose the intermediates.
 */
import * as tf from '@tensorflow/tfjs'

type CustomArgs = (tf.Tensor | tf.GradSaveFunc)[]

/** x [n, k] · w [k, m] → [n, m], with gradients that transpose explicitly. */
export function linear(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  const op = tf.customGrad((...args: CustomArgs) => {
    const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc]
    save([a, b])
    return {
      value: tf.matMul(a, b),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [sa, sb] = saved as [tf.Tensor2D, tf.Tensor2D]
        return [
          tf.matMul(dy as tf.Tensor2D, sb.transpose()),
          tf.matMul(sa.transpose(), dy as tf.Tensor2D),
        ]
      },
    }
  })
  return op(x, w) as tf.Tensor2D
}

/**
 * Max over the time axis: x [batch, time, channels] → [batch, channels]. Only the winning time
 * step of each channel receives gradient, routed through `argMax` and `oneHot`.
 */
export function maxOverTime(x: tf.Tensor3D): tf.Tensor2D {
  const op = tf.customGrad((...args: CustomArgs) => {
    const [input, save] = args as [tf.Tensor3D, tf.GradSaveFunc]
    const winners = tf.argMax(input, 1)
    save([winners])
    const time = input.shape[1] ?? 1
    return {
      value: tf.max(input, 1),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [arg] = saved as [tf.Tensor2D]
        const mask = tf.oneHot(arg, time) // [batch, channels, time]
        return tf.transpose(tf.mul(mask, (dy as tf.Tensor).expandDims(2)), [0, 2, 1])
      },
    }
  })
  return op(x) as tf.Tensor2D
}

/**
 * Windows of `width` consecutive rows (im2col): x [batch, time, dim] →
 * [batch · (time − width + 1), width · dim], so that a 1-D convolution is one `linear`.
 */
export function windows(x: tf.Tensor3D, width: number): tf.Tensor2D {
  const [batch, time, dim] = x.shape
  const steps = time - width + 1
  const parts: tf.Tensor3D[] = []
  for (let offset = 0; offset < width; offset++) {
    parts.push(tf.slice(x, [0, offset, 0], [batch, steps, dim]))
  }
  return tf.concat(parts, 2).reshape([batch * steps, width * dim])
}
