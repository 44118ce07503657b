/** The column heads every table of bank rows starts with: date, text and amount. */
import { t } from '../i18n/index';

export function TransactionHeads() {
  return (
    <>
      <th scope="col">{t('money.col.date')}</th>
      <th scope="col">{t('money.col.text')}</th>
      <th scope="col" class="num">
        {t('money.col.amount')}
      </th>
    </>
  );
}
