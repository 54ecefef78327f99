// The poster's actions of the `activity` function, apart from activity.ts so the main package
// (which registers activity.ts for the detail page) does not carry them: the poster subpackage
// registers both (src/services/poster.ts).
import { z } from 'zod'
import { idSchema } from './activity'
import { action } from './envelope'

/**
 * A 小程序码's scene: at most 32 visible characters of the set WeChat allows. Ours is `a_` and a
 * 16-character code of the activity id, an id-shaped text the activity page passes to activity.get.
 */
export const sceneSchema = z
  .string()
  .max(32)
  .regex(/^[\w!#$&'()*+,/:;=?@.~-]+$/)

export const posterContract = {
  /**
   * Public: the 小程序码 of a published (or cancelled) activity leading to its page, made once and
   * kept in cloud storage. Unknown or draft activity: ACTIVITY_NOT_FOUND.
   */
  wxacode: action(z.object({ id: idSchema }), z.object({ fileId: z.string().min(1), scene: sceneSchema })),
}
