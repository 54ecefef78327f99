// Environment variables that point the unmodified wx-server-sdk (node-sdk underneath) at a local
// database server. node-sdk reads TCB_CONTEXT_CNFG.URL on every request, so they can be set at any
// time before the first database call; then cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV }).
//
// TENCENTCLOUD=true tells node-sdk it runs on Tencent Cloud, which it otherwise finds out by asking
// http://metadata.tencentyun.com on every request (30 ms timeout, the failure is never cached):
// without it each call takes ~30 ms more and the process lingers ~10 s after the last one.
export function sdkEnv(url: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: url }),
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD_SESSIONTOKEN: 'local',
    TCB_ENV: 'local',
    SCF_NAMESPACE: 'local',
    TENCENTCLOUD: 'true',
  }
}
