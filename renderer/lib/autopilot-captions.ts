// The caption strip's words for a step: the scenario's own caption, or its kind's default from the catalogues, in the UI's language.
import { UNLOCK_METHODS, type UnlockMethod } from '../../main/api/vocabulary';
import type { MessageId } from '../i18n/keys';
import type { Caption } from './autopilot-plan';
import { t } from './i18n.svelte';
import { unlockLabel } from './unlock';

const defaults: Record<Exclude<Extract<Caption, { kind: string }>['kind'], 'wait' | 'login'>, MessageId> = {
  chooseDevice: 'autopilot.caption.chooseDevice',
  enterCode: 'autopilot.caption.enterCode',
  requestCode: 'autopilot.caption.requestCode',
  answerCall: 'autopilot.caption.answerCall',
  approvePush: 'autopilot.caption.approvePush',
  challengeResponse: 'autopilot.caption.challengeResponse',
  dscplus: 'autopilot.caption.dscplus',
  codeCard: 'autopilot.caption.codeCard',
  temporaryPasscode: 'autopilot.caption.temporaryPasscode',
  acceptPaperWarning: 'autopilot.caption.acceptPaperWarning',
  continueLogin: 'autopilot.caption.continueLogin',
  cancel: 'autopilot.caption.cancel',
  enrolSms: 'autopilot.caption.enrolSms',
  confirmEnrolment: 'autopilot.caption.confirmEnrolment',
  setPhone: 'autopilot.caption.setPhone',
  restart: 'autopilot.caption.restart',
  clearAppData: 'autopilot.caption.clearAppData',
  seamless: 'autopilot.caption.seamless',
  setLocale: 'autopilot.caption.setLocale',
  installApp: 'autopilot.caption.installApp',
  uninstallApp: 'autopilot.caption.uninstallApp',
  activateIbKey: 'autopilot.caption.activateIbKey',
  migrateIbKey: 'autopilot.caption.migrateIbKey',
  verifyNumber: 'autopilot.caption.verifyNumber',
  confirmNumber: 'autopilot.caption.confirmNumber',
  saveSeamless: 'autopilot.caption.saveSeamless',
  optOut: 'autopilot.caption.optOut',
};

/** The words of a caption (a template that calls this follows the language switch). */
export function captionWords(caption: Caption): string {
  if ('text' in caption) return caption.text;
  const { values } = caption;
  if (caption.kind === 'login') return t(values.portal ? 'autopilot.caption.loginPortal' : values.mode === 'paper' ? 'autopilot.caption.loginPaper' : 'autopilot.caption.login', values);
  if (caption.kind === 'wait') {
    const seconds = Number(values.seconds);
    // Whole minutes from two on read as minutes ("3 minutes later"), the rest as seconds.
    return seconds >= 120 && seconds % 60 === 0 ? t('autopilot.caption.waitMinutes', { minutes: seconds / 60 }) : t('autopilot.caption.waitSeconds', { seconds });
  }
  // IB Key's owner check is named in the strip's language ("Empreinte digitale"), not the script's word for it.
  const method = values.method;
  if (typeof method === 'string' && (UNLOCK_METHODS as readonly string[]).includes(method)) return t(defaults[caption.kind], { ...values, method: unlockLabel(method as UnlockMethod) });
  return t(defaults[caption.kind], values);
}
