import type { Metadata } from 'next';
import { forbidden, redirect } from 'next/navigation';
import { hasRole } from '@p2pvalue/platform';
import { TERM_FIELDS, VOCABULARY_OF_FIELD, type TVocabulary } from '@p2pvalue/directory/fields';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { serverCaller } from '~/app/communities/_lib/server-caller';
import { FIELD_LABELS } from '../_lib/case-labels';
import { AddTermForm } from '../_components/add-term-form';

export const metadata: Metadata = { title: 'Vocabularies' };
export const dynamic = 'force-dynamic';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

// One entry per vocabulary, named after the case field that uses it.
const VOCABULARY_NAMES = TERM_FIELDS.map((field) => ({ value: VOCABULARY_OF_FIELD[field], label: FIELD_LABELS[field] })) satisfies { value: TVocabulary; label: string }[];

export default async function VocabulariesPage() {
  const { viewer, api } = await serverCaller();
  if (!viewer) redirect('/sign-in?next=/directory/vocabularies');
  if (!hasRole(viewer.role, 'staff')) forbidden();
  const vocabularies = await api.directoryCuration.vocabularies();
  return (
    <PageContainer className="max-w-5xl">
      <PageHeader
        eyebrow="Staff only"
        title="Vocabularies"
        description="The controlled vocabularies of the directory. A new term is matched like the importer matches values (case and spacing aside), so it cannot duplicate an existing one."
      />
      <AddTermForm vocabularies={VOCABULARY_NAMES} />
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        {VOCABULARY_NAMES.map(({ value, label }) => (
          <section key={value} aria-labelledby={`vocabulary-${value}`} className="rounded-lg border bg-card p-4" data-testid={`vocabulary-${value}`}>
            <h2 id={`vocabulary-${value}`} className="mb-3 font-semibold">
              {label} <span className="text-sm font-normal text-muted-foreground">({vocabularies[value].length} terms)</span>
            </h2>
            <ul className="grid gap-1.5 text-sm">
              {vocabularies[value].map((term) => (
                <li key={term.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="min-w-0 break-words">{term.label}</span>
                  <span className="text-xs text-muted-foreground">
                    {term.cases} case{term.cases === 1 ? '' : 's'}
                    {term.addedBy ? ` · added by ${term.addedBy}, ${dateFormat.format(term.createdAt)}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </PageContainer>
  );
}
