/** What the budget tool reads out of data.json: a valid food-budget view and a diet plan, nothing else. */
import { describe, expect, it } from 'vitest';
import { findDietPlan, findFoodBudget } from '../../src/example-budget-service/food-budget';
import { renderPage } from '../../src/example-budget-service/page';
import { DIET_PLAN, foodBudgetView } from './budget-service-fixtures';

describe('reading the food budget out of a bundle', () => {
  it('finds the view wherever the vault put it', () => {
    expect(findFoodBudget({ foodBudget: foodBudgetView() })?.averageMinor).toBe(foodBudgetView().averageMinor);
    expect(findFoodBudget({ items: [{ other: 1 }, { view: foodBudgetView() }] })?.months).toHaveLength(3);
  });

  it('ignores views that are malformed: negative or fractional øre, bad months, other views', () => {
    const base = foodBudgetView();
    expect(findFoodBudget({ a: { ...base, months: [{ month: '2026-13', spentMinor: 1 }] } })).toBeNull();
    expect(findFoodBudget({ a: { ...base, months: [{ month: '2026-01', spentMinor: -5 }] } })).toBeNull();
    expect(findFoodBudget({ a: { ...base, averageMinor: 1.5 } })).toBeNull();
    expect(findFoodBudget({ a: { ...base, view: 'monthly-spending-per-category' } })).toBeNull();
    expect(findFoodBudget({})).toBeNull();
  });

  it('takes a note titled as a diet plan, and no other note', () => {
    expect(findDietPlan({ notes: [{ title: 'Indkøb', body: 'mælk' }, DIET_PLAN] })).toEqual({ title: DIET_PLAN.title, text: DIET_PLAN.body });
    expect(findDietPlan({ notes: [{ title: 'Indkøb', body: 'mælk' }] })).toBeNull();
  });

  it('escapes everything it shows', () => {
    const html = renderPage({
      name: 'Budget <tool>',
      bundles: [
        {
          id: 'abcdefghijklmnop',
          issuerName: '<script>alert(1)</script>',
          issuerKey: 'x',
          issuerFingerprint: 'f',
          purpose: '"quoted" & more',
          receivedAt: new Date(),
          expiresAt: new Date('2027-01-01T00:00:00Z'),
          foodBudget: null,
          dietPlan: { title: '<b>Kost</b>', text: '<img src=x onerror=alert(1)>' },
        },
      ],
    });
    expect(html).not.toMatch(/<script>|<img|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; more');
  });
});
