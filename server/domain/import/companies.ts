/**
 * Company rows → what to create and what to update. A row updates the company with its credit code when it has
 * one, otherwise the company with exactly its name (after NFC and trimming); a row that matches nothing creates
 * a company. Two rows of one file that would land on the same company are a mistake in the file: the later row
 * fails, naming the earlier one.
 */
import type { CompanyService } from '../companies/service.js';
import type { CompanyCreate, CompanyPatch } from '../companies/schemas.js';
import type { ImportPlan } from './apply.js';
import { failure, type RowFailure } from './report.js';
import type { ValidRow } from './validate-rows.js';

type Lookup = Pick<CompanyService, 'findIdsByCreditCode' | 'findIdsByName'>;

export async function planCompanies(rows: readonly ValidRow<CompanyCreate>[], companies: Lookup): Promise<ImportPlan<CompanyCreate, CompanyPatch>> {
  const failures: RowFailure[] = [];
  const firstRowOf = new Map<string, number>();
  const unique: ValidRow<CompanyCreate>[] = [];
  for (const r of rows) {
    const [field, value] = matchKeyOf(r.data);
    const key = `${field}|${value}`;
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      failures.push(failure(r.row, field, `row ${earlier} has the same ${field}; a file may name each company once`));
      continue;
    }
    firstRowOf.set(key, r.row);
    unique.push(r);
  }

  const byCode = await companies.findIdsByCreditCode(unique.flatMap((r) => (r.data.creditCode === undefined ? [] : [r.data.creditCode])));
  const byName = await companies.findIdsByName(unique.flatMap((r) => (r.data.creditCode === undefined ? [r.data.name] : [])));
  const plan: ImportPlan<CompanyCreate, CompanyPatch> = { creates: [], updates: [], failures };
  for (const r of unique) {
    const id = r.data.creditCode === undefined ? byName.get(r.data.name) : byCode.get(r.data.creditCode);
    if (id === undefined) plan.creates.push({ row: r.row, input: r.data });
    else plan.updates.push({ row: r.row, id, patch: r.data });
  }
  return plan;
}

function matchKeyOf(company: CompanyCreate): ['creditCode' | 'name', string] {
  return company.creditCode === undefined ? ['name', company.name] : ['creditCode', company.creditCode];
}
