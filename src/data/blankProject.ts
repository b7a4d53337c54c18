import type { Project, Scope } from './project.ts';

/** `local` for one county, `multi` for several, `citywide` for none. */
export function scopeOf(counties: readonly string[]): Scope {
  return counties.length === 0 ? 'citywide' : counties.length === 1 ? 'local' : 'multi';
}

/**
 * A project whose fields are all empty but those given: for rows that do not
 * come from the plan's annexes (synthetic benchmark data, test fixtures).
 * Unknown stays null, never 0.
 */
export function blankProject(id: string, fields: Partial<Project> = {}): Project {
  const counties = fields.counties ?? [];
  return {
    id,
    annex: 1,
    section: null,
    seq: 1,
    name: fields.name ?? id,
    displayName: fields.name ?? id,
    displayNameOurs: false,
    category: 'health',
    subcategory: null,
    subcategoryBasis: null,
    nature: null,
    content: null,
    period: null,
    startYear: null,
    endYear: null,
    investment: { total: null, plan: null, inCity: null, basis: 'none', raw: { total: null, plan: null, inCity: null } },
    funding: null,
    owner: null,
    department: null,
    leadDepartment: null,
    inNationalPlan: null,
    from13thPlan: null,
    remarks: null,
    counties,
    scope: scopeOf(counties),
    countyBasis: { kind: 'explicit', reason: '' },
    locationText: null,
    duplicateOf: null,
    partOf: null,
    source: { raw: '', lines: [], repaired: false, note: null, alternatives: [] },
    ...fields,
  };
}
