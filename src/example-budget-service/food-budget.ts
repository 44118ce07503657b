/**
 * What the budget tool reads out of an opened bundle: the monthly food budget (the vault's
 * `monthly-food-budget` view, amounts in integer øre) and a diet plan, if the citizen sent one
 * (a note or document whose title says so). Everything else in the bundle is ignored.
 */
import { z } from 'zod';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Minor = z.number().int().min(0).max(1e13);

export const FoodBudgetView = z.object({
  view: z.literal('monthly-food-budget'),
  currency: z.string().regex(/^[A-Z]{3}$/),
  months: z
    .array(z.object({ month: Month, spentMinor: Minor }))
    .min(1)
    .max(120),
  averageMinor: Minor,
});
export type FoodBudgetView = z.infer<typeof FoodBudgetView>;

export interface DietPlan {
  title: string;
  text: string;
}

const TitledText = z.object({
  title: z.string().min(1).max(500),
  body: z.string().max(100_000).optional(),
  text: z.string().max(100_000).optional(),
});

const DIET_TITLE = /kost|diæt|diet|madplan|meal plan/i;

/** Walks plain JSON (objects and arrays, a bounded depth) and yields every object in it. */
function* objects(value: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) yield* objects(item, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  yield record;
  for (const child of Object.values(record)) yield* objects(child, depth + 1);
}

/** The first valid food-budget view anywhere in the bundle's data, or null. */
export function findFoodBudget(data: Record<string, unknown>): FoodBudgetView | null {
  for (const candidate of objects(data)) {
    if (candidate.view !== 'monthly-food-budget') continue;
    const parsed = FoodBudgetView.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** A note or document titled as a diet plan (kostplan, diæt, madplan…), or null. */
export function findDietPlan(data: Record<string, unknown>): DietPlan | null {
  for (const candidate of objects(data)) {
    const parsed = TitledText.safeParse(candidate);
    if (!parsed.success || !DIET_TITLE.test(parsed.data.title)) continue;
    const text = parsed.data.body ?? parsed.data.text;
    if (text !== undefined) return { title: parsed.data.title, text };
  }
  return null;
}
