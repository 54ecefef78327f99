// The local stand-in's content security list (security.msgSecCheck, openapi.ts): a text holding any
// of these words is answered `risky`. `违规测试词` is the word tests and dev tools use to see a
// refusal; the others are a few plausible ones.
export const SECURITY_WORDS: readonly string[] = ['违规测试词', '赌博', '代开发票', '枪支', '毒品']

/** The ASCII marker that makes a picture flagged by the imgSecCheck stand-in (anywhere in its bytes). */
export const FLAGGED_IMAGE_MARKER = 'LOCALCLOUD-FLAGGED-IMAGE'
