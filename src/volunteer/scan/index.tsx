import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { Empty } from '@/components/states'
import './index.scss'

/**
 * Volunteer check-in (subpackage). Scanning tickets comes with the sign-up version; until then the
 * page says so plainly and shows the (still empty) list of activities assigned to this volunteer.
 */
export default function VolunteerScan() {
  return (
    <PageShell className='scan' testid='volunteer-scan-page'>
      <View className='scan-head'>
        <Text className='scan-head__title'>签到</Text>
        <Text className='scan-head__text' data-testid='scan-coming'>
          扫码签到将在后续版本开放。届时请在活动现场打开本页，扫描居民出示的电子票二维码完成签到。
        </Text>
      </View>
      <View className='section' data-testid='volunteer-activities'>
        <Text className='section__title'>我负责的活动</Text>
        <Empty title='暂无分配给您的活动' hint='组织者为您分配活动后，会在这里列出。' />
      </View>
    </PageShell>
  )
}
