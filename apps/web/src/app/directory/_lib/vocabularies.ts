import type { Vocabularies } from '../_components/case-form';

/** The taxonomy values in use (from the statistics' facet counts), as form suggestions. */
export function vocabulariesFromFacets(facets: Record<string, { value: string }[]>): Vocabularies {
  return Object.fromEntries(Object.entries(facets).map(([field, values]) => [field, values.map((v) => v.value)]));
}
