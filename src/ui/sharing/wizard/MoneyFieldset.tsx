/** Money from the bank statements: derived views (food budget, monthly spending) or the transactions themselves. */
import { TRANSACTION_FIELDS } from '../../../records/sharing/selection';
import { t } from '../../i18n/index';
import { categoryLabel } from '../../money/categories';
import { setMonths, toggleFoodBudget, toggleSpending, toggleTransactionCategory, toggleTransactionField, toggleTransactions, type ShareChoice } from './choice';
import { Check, MonthsField } from './controls';
import type { Change } from './flow';

export function MoneyFieldset(props: { categories: string[]; choice: ShareChoice; change: Change }) {
  const { change } = props;
  const { foodBudget, spending, transactions } = props.choice.data;
  return (
    <fieldset>
      <legend>{t('sharing.wizard.money')}</legend>
      <Check id="food-budget" label={t('sharing.wizard.foodBudget')} checked={foodBudget !== null} onChange={(on) => change((c) => toggleFoodBudget(c, on))} />
      {foodBudget !== null && <MonthsField value={foodBudget} onChange={(months) => change((c) => setMonths(c, 'foodBudget', months))} />}
      <Check id="spending" label={t('sharing.wizard.spending')} checked={spending !== null} onChange={(on) => change((c) => toggleSpending(c, on))} />
      {spending !== null && <MonthsField value={spending} onChange={(months) => change((c) => setMonths(c, 'spending', months))} />}
      <Check
        id="transactions"
        label={t('sharing.wizard.transactions')}
        checked={transactions !== null}
        onChange={(on) => change((c) => toggleTransactions(c, on))}
      />
      {transactions && (
        <fieldset class="nested">
          <legend>{t('sharing.wizard.transactionsWhich')}</legend>
          <MonthsField value={transactions.months} onChange={(months) => change((c) => setMonths(c, 'transactions', months))} />
          <fieldset class="nested">
            <legend>{t('sharing.wizard.fields')}</legend>
            {TRANSACTION_FIELDS.map((f) => (
              <Check
                key={f}
                id={`tx-field-${f}`}
                label={t(`sharing.field.${f}`)}
                checked={transactions.fields.has(f)}
                onChange={(on) => change((c) => toggleTransactionField(c, f, on))}
              />
            ))}
          </fieldset>
          <fieldset class="nested">
            <legend>{t('sharing.wizard.categories')}</legend>
            {props.categories.map((cat) => (
              <Check
                key={cat}
                id={`tx-cat-${cat}`}
                label={categoryLabel(cat)}
                checked={transactions.categories.has(cat)}
                onChange={(on) => change((c) => toggleTransactionCategory(c, cat, on))}
              />
            ))}
          </fieldset>
        </fieldset>
      )}
    </fieldset>
  );
}
