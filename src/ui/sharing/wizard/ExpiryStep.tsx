/**
 * Step 4: until when — a last Danish day (tomorrow at the earliest), or until an open case is
 * closed and at the latest a date the citizen picks (a year unless changed).
 */
import type { JSX } from 'preact';
import type { ShareOptions } from '../../../messaging/sharing-api';
import { addDays, danishToday } from '../../../shared/danish-time';
import { t } from '../../i18n/index';
import { plainTopicTitle } from '../../municipal/plain';
import { dayText } from '../words';
import {
  CASE_CAP_DAYS,
  chooseExpiryKind,
  earliestExpiry,
  openCases,
  setExpiryCap,
  setExpiryCase,
  setExpiryDate,
  type CaseCapDays,
  type ShareChoice,
} from './choice';
import type { Change } from './flow';

export function ExpiryStep(props: { options: ShareOptions | null; choice: ShareChoice; change: Change }) {
  const { change } = props;
  const { expiry } = props.choice;
  const cases = props.options ? openCases(props.options) : [];
  const onDate = (e: JSX.TargetedEvent<HTMLInputElement>) => {
    const date = e.currentTarget.value;
    change((c) => setExpiryDate(c, date));
  };
  const onCap = (e: JSX.TargetedEvent<HTMLSelectElement>) => {
    const days = Number(e.currentTarget.value);
    const cap = CASE_CAP_DAYS.find((d) => d === days);
    if (cap) change((c) => setExpiryCap(c, cap));
  };
  const today = danishToday();
  const onCase = (e: JSX.TargetedEvent<HTMLSelectElement>) => {
    const caseId = e.currentTarget.value;
    change((c) => setExpiryCase(c, caseId));
  };
  return (
    <fieldset>
      <legend>{t('sharing.wizard.expiry')}</legend>
      <div class="check">
        <input
          autocomplete="off"
          id="expiry-date"
          type="radio"
          name="expiry"
          checked={expiry.kind === 'date'}
          onChange={() => change((c) => chooseExpiryKind(c, 'date'))}
        />
        <label for="expiry-date">{t('sharing.wizard.expiryDate')}</label>
      </div>
      {expiry.kind === 'date' && (
        <div class="field">
          <label for="expiry-day">{t('sharing.wizard.expiryDateLabel')}</label>
          <input autocomplete="off" id="expiry-day" type="date" value={expiry.date} min={earliestExpiry(danishToday())} onInput={onDate} />
        </div>
      )}
      {cases.length > 0 && (
        <>
          <div class="check">
            <input
              autocomplete="off"
              id="expiry-case"
              type="radio"
              name="expiry"
              checked={expiry.kind === 'until-case'}
              onChange={() => change((c) => chooseExpiryKind(c, 'until-case'))}
            />
            <label for="expiry-case">{t('sharing.wizard.expiryCase')}</label>
          </div>
          {expiry.kind === 'until-case' && (
            <div class="field">
              <label for="expiry-case-pick">{t('sharing.wizard.expiryCaseLabel')}</label>
              <select autocomplete="off" id="expiry-case-pick" value={expiry.caseId} onChange={onCase}>
                <option value="">–</option>
                {cases.map((c) => (
                  <option key={c.id} value={c.id}>
                    {plainTopicTitle(c.kle)} ({c.caseNumber})
                  </option>
                ))}
              </select>
              <label for="expiry-cap">{t('sharing.wizard.expiryCapLabel')}</label>
              <select autocomplete="off" id="expiry-cap" value={String(expiry.maxDays)} onChange={onCap} aria-describedby="expiry-cap-hint">
                {CASE_CAP_DAYS.map((days: CaseCapDays) => (
                  <option key={days} value={String(days)}>
                    {t(`sharing.wizard.expiryCap${days}`, { date: dayText(addDays(today, days)) })}
                  </option>
                ))}
              </select>
              <p class="hint" id="expiry-cap-hint">
                {t('sharing.wizard.expiryCapHint')}
              </p>
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
