/** English texts for acting for someone else and for what youth rules hold back: exactly the keys of acting.da.ts. */
import type { actingDa } from './acting.da';

export const actingEn: Record<keyof typeof actingDa, string> = {
  'error.power-withdrawn': 'The power of attorney has been withdrawn, so Handlerum fetches nothing more on it. What was already fetched is kept.',
  'error.power-expired': 'The power of attorney has expired, so Handlerum fetches nothing more on it. What was already fetched is kept.',
  'error.power-not-yet-valid': 'The power of attorney is not valid yet. Sign in again once it is. What was already fetched is kept.',
  'error.power-invalid':
    'The municipality knows no power of attorney that lets you act for this person. Sign in again and choose the right person. What was already fetched is kept.',
  'error.power-conflict':
    'Two powers of attorney with different contents hold between you, so the municipality shows neither. The person who gave them must withdraw one.',
  'error.outside-power-of-attorney':
    'The power of attorney does not cover all that was chosen, so it cannot be shared. Choose only what the power covers. Nothing was sent.',
  'error.power-outside': 'The power of attorney does not cover this information, so the municipality does not show it.',

  'basis.label': 'What the information rests on',
  'basis.youth':
    'Some of what {municipality} holds about you is held back until you turn 18 – for some topics another age. What it is is not shown here. To know more, ask the citizen service of {municipality} or one of your parents.',
  'basis.power': 'You act for {name} with a power of attorney ({id}) from {from} until {until} inclusive.',
  'basis.powerOpen': 'You act for {name} with a power of attorney ({id}) from {from} until it is withdrawn.',
  'basis.covers': 'The power of attorney covers {categories}.',
  'basis.notCovered': 'Not shown, because the power of attorney does not cover it: {categories}.',
  'basis.excluded': 'Not shown either: topics about {topics}.',
  'basis.signInFor':
    'When the municipality\u2019s sign-in opens, sign in as yourself and choose to act on behalf of {name}. The municipality shows only what your power of attorney or custody covers.',
  'basis.endedChoice': 'You still have the copy already fetched. Do you want to keep it or delete it?',
  'basis.keepCopy': 'Keep the copy',
  'basis.deleteCopy': 'Delete the copy',
  'basis.kept': 'You chose to keep the copy. It is no longer updated.',
  'basis.deleteTitle': 'Delete the information from {municipality} about {name}?',
  'basis.deleteBody':
    'All information from {municipality} in this profile is deleted, and the connection is removed. Notes and files you added yourself stay. This cannot be undone.',
  'basis.deleteConfirm': 'Delete the information',
  'basis.deleted': 'The information from {municipality} is deleted.',
  'basis.cat.cases': 'cases',
  'basis.cat.decisions': 'decisions',
  'basis.cat.payments': 'payments',
  'basis.cat.activities': 'appointments and deadlines',
  'basis.cat.documents': 'documents',
  'basis.cat.access-log': 'the log of who has seen the information',

  'powers.title': 'Powers of attorney you have given',
  'powers.none': 'You have given no powers of attorney at {municipality}.',
  'powers.notListed':
    '{municipality} does not show here which powers of attorney you have given. You can see your digital powers of attorney and withdraw them on borger.dk.',
  'powers.period': 'From {from} until {until} inclusive.',
  'powers.periodOpen': 'From {from} until you withdraw it.',
  'powers.status.active': 'Valid now.',
  'powers.status.not-yet-valid': 'Not valid yet.',
  'powers.status.expired': 'Has expired.',
  'powers.status.withdrawn': 'Withdrawn {when}.',
  'powers.withdraw': 'Withdraw the power of attorney',
  'powers.withdrawTitle': 'Withdraw the power of attorney given to {name}?',
  'powers.withdrawBody':
    '{name} can no longer see your information at {municipality}, from the next time {name} tries. What {name} has already fetched, Handlerum cannot delete for {name}.',
  'powers.withdrawConfirm': 'Withdraw',
  'powers.withdrawing': 'Withdrawing the power of attorney …',
  'powers.withdrawn': 'The power of attorney given to {name} is withdrawn.',
};
