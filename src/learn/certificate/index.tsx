import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { getCertificate } from '@/services/course'
import { courseSizeText, courseUrl, dateCn, kindLabel } from '@/utils/courseText'
import { CertificateImage } from '../components/CertificateImage'
import './index.scss'

/**
 * 结业证书: available once every lesson of the course is done. The certificate is drawn as a
 * picture (to save and send to the family), and its facts are repeated below in text.
 */
export default function CertificatePage() {
  const router = useRouter()
  const courseId = router.params.courseId ?? ''
  const memberId = router.params.memberId || null
  const res = useAsync(() => getCertificate({ courseId, ...(memberId ? { memberId } : {}) }), [courseId, memberId])
  const toCourse = () => {
    const pages = Taro.getCurrentPages()
    const below = pages.length > 1 ? pages[pages.length - 2] : null
    if (below && (below.route ?? '').includes('learn/course/')) void Taro.navigateBack()
    else void Taro.redirectTo({ url: courseUrl(courseId, memberId) })
  }

  return (
    <PageShell className="certificate" testid="certificate-page">
      <View className="page-head">
        <Text className="page-head__title">结业证书</Text>
        <Text className="page-head__text">学完整门课程的纪念，可以保存到手机，发给家人和朋友。</Text>
      </View>
      {res.status === 'loading' ? <Loading text="正在准备证书…" /> : null}
      {res.status === 'error' && res.error.code === 'COURSE_NOT_COMPLETED' ? (
        <Empty title="还没有学完这门课" hint={`${res.error.message}。回到课程，点“继续学习”接着学。`}>
          <View className="btn btn--primary" data-testid="cert-not-done" data-code={res.error.code} ariaRole="link" onClick={toCourse}>
            <Text>回到课程继续学习</Text>
          </View>
        </Empty>
      ) : null}
      {res.status === 'error' && res.error.code !== 'COURSE_NOT_COMPLETED' ? (
        <View>
          <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} />
          <View className="cert-back">
            <View className="btn btn--secondary btn--block" data-testid="cert-to-course" ariaRole="link" onClick={toCourse}>
              <Text>返回课程</Text>
            </View>
          </View>
        </View>
      ) : null}
      {res.status === 'ready' ? (
        <View data-testid="cert-body" data-no={res.data.certificateNo}>
          <View className="section">
            <CertificateImage cert={res.data} />
          </View>
          <View className="section cert-facts" data-testid="cert-facts">
            <Text className="section__title">证书内容</Text>
            <Text className="cert-facts__line">学员：{res.data.learnerName}</Text>
            <Text className="cert-facts__line">
              课程：《{res.data.courseTitle}》（{kindLabel(res.data.kind)}）
            </Text>
            <Text className="cert-facts__line">学习：{courseSizeText(res.data.lessonCount, res.data.totalMinutes)}</Text>
            <Text className="cert-facts__line">结业日期：{dateCn(res.data.completedAt)}</Text>
            <Text className="cert-facts__line" data-testid="cert-no">
              证书编号：{res.data.certificateNo}
            </Text>
            <Text className="cert-facts__line">颁发单位：{res.data.issuer}</Text>
            <Text className="cert-facts__line">{res.data.weekName}</Text>
          </View>
          <View className="cert-back">
            <View className="btn btn--secondary btn--block" data-testid="cert-to-course" ariaRole="link" onClick={toCourse}>
              <Text>返回课程</Text>
            </View>
            <View
              className="btn btn--secondary btn--block"
              data-testid="cert-to-courses"
              ariaRole="link"
              onClick={() => void Taro.navigateTo({ url: '/learn/courses/index' })}
            >
              <Text>再学一门课</Text>
            </View>
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
