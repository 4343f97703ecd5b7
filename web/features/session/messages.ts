// The words of signing in and out, in both languages. zh-CN is the source of truth; the English table must name
// every key (its type says so). web/lib/i18n.ts composes every feature's messages into the one dictionary.
import type { Translation } from '../../lib/messages.ts'

export const sessionMessagesZh = {
  'session.signIn': '登录',
  'session.signOut': '退出',
  'session.username': '用户名',
  'session.password': '密码',
  'session.submit': '登录',
  'session.cancel': '取消',
  'session.signingIn': '正在登录…',
  'session.formLabel': '登录 Gridwatch',
  'session.demoHint': '演示账号（用户名即角色，密码 {password}），点击填入：',
  'session.signedInAs': '当前用户：{name}',
  'session.lead': '工作人员请使用本人账号登录。',
} as const

export const sessionMessagesEn: Translation<typeof sessionMessagesZh> = {
  'session.signIn': 'Sign in',
  'session.signOut': 'Sign out',
  'session.username': 'Username',
  'session.password': 'Password',
  'session.submit': 'Sign in',
  'session.cancel': 'Cancel',
  'session.signingIn': 'Signing in…',
  'session.formLabel': 'Sign in to Gridwatch',
  'session.demoHint': 'Demo accounts (username = role, password {password}); click one to fill it in:',
  'session.signedInAs': 'Signed in as {name}',
  'session.lead': 'Staff: sign in with your own account.',
}
