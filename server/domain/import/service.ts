/**
 * Bulk import of companies and postings for the bureau: read rows (source.ts), validate them with the API's
 * request schemas (validate-rows.ts), match them against existing records (companies.ts, postings.ts) and write
 * through the domain services (apply.ts), so audit entries and business rules are the same as for single writes.
 */
import type { Principal } from '../../http/auth.js';
import { requireBureau } from '../companies/access.js';
import { companyCreateSchema } from '../companies/schemas.js';
import type { CompanyService } from '../companies/service.js';
import type { PostingService } from '../postings/service.js';
import { applyPlan, type ImportOptions, type ImportResult } from './apply.js';
import { planCompanies } from './companies.js';
import { planPostings, postingImportRowSchema } from './postings.js';
import type { SourceRows } from './source.js';
import { validateRows } from './validate-rows.js';

export class ImportService {
  constructor(
    private readonly companies: CompanyService,
    private readonly postings: PostingService,
  ) {}

  async importCompanies(actor: Principal, source: SourceRows, options: ImportOptions): Promise<ImportResult> {
    requireBureau(actor, 'import companies');
    const { valid, failures } = validateRows(source.rows, companyCreateSchema);
    const plan = await planCompanies(valid, this.companies);
    plan.failures.unshift(...source.headerFailures, ...failures);
    return applyPlan(plan, options, {
      createMany: (inputs) => this.companies.createMany(actor, inputs),
      update: (id, patch) => this.companies.update(actor, id, patch),
    });
  }

  async importPostings(actor: Principal, source: SourceRows, options: ImportOptions): Promise<ImportResult> {
    requireBureau(actor, 'import postings');
    const { valid, failures } = validateRows(source.rows, postingImportRowSchema);
    const plan = await planPostings(valid, this.companies, this.postings);
    plan.failures.unshift(...source.headerFailures, ...failures);
    return applyPlan(plan, options, {
      createMany: (inputs) => this.postings.createMany(actor, inputs),
      update: (id, patch) => this.postings.update(actor, id, patch),
    });
  }
}
