import type { Prisma, PrismaClient } from '@p2pvalue/db';
import {
  MULTI_TERM_FIELDS,
  SINGLE_TERM_FIELDS,
  VOCABULARY_OF_FIELD,
  emptyCaseFields,
  type TCaseFields,
  type TTermField,
  type TVocabulary,
} from './case-fields';

export type Db = PrismaClient | Prisma.TransactionClient;

export interface TermRow {
  id: number;
  vocabulary: TVocabulary;
  label: string;
  normalised: string;
}

export interface StoredCase {
  id: number;
  nid: number;
  fields: TCaseFields;
  /** Drupal "Posted by": provenance for the CSV only. */
  postedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CaseWrite {
  fields: TCaseFields;
  /** Term ids in field order, one list per taxonomy field: the CaseTerm rows and `Case.termIds`. */
  termIds: number[];
  postedBy?: string | null;
}

const FIELD_OF_VOCABULARY = Object.fromEntries(Object.entries(VOCABULARY_OF_FIELD).map(([field, vocabulary]) => [vocabulary, field])) as Record<
  TVocabulary,
  TTermField
>;

export const termSelect = { id: true, vocabulary: true, label: true, normalised: true } satisfies Prisma.TermSelect;

export const caseSelect = {
  id: true,
  nid: true,
  name: true,
  description: true,
  homepage: true,
  socialAccounts: true,
  email: true,
  contactPage: true,
  address: true,
  yearFounded: true,
  phone: true,
  keywords: true,
  otherInformation: true,
  governance: true,
  sizeBand: true,
  country: true,
  status: true,
  statusDate: true,
  postedBy: true,
  createdAt: true,
  updatedAt: true,
  terms: { select: { position: true, term: { select: { vocabulary: true, label: true } } }, orderBy: { position: 'asc' } },
} satisfies Prisma.CaseSelect;

type CaseRow = Prisma.CaseGetPayload<{ select: typeof caseSelect }>;

/** Maps a selected row to the domain shape (taxonomy fields as labels, in entered order). */
export function toStoredCase(row: CaseRow): StoredCase {
  const fields: TCaseFields = {
    ...emptyCaseFields(row.name),
    description: row.description,
    homepage: row.homepage,
    socialAccounts: row.socialAccounts,
    email: row.email,
    contactPage: row.contactPage,
    address: row.address,
    yearFounded: row.yearFounded,
    phone: row.phone,
    keywords: row.keywords,
    otherInformation: row.otherInformation,
    governance: row.governance,
    sizeBand: row.sizeBand,
    country: row.country,
    status: row.status,
    statusDate: row.statusDate ? row.statusDate.toISOString().slice(0, 10) : null,
  };
  for (const { term } of row.terms) {
    const field = FIELD_OF_VOCABULARY[term.vocabulary];
    if (field in MULTI_TERM_FIELDS) (fields[field as keyof typeof MULTI_TERM_FIELDS] as string[]).push(term.label);
    else if (field in SINGLE_TERM_FIELDS) fields[field as keyof typeof SINGLE_TERM_FIELDS] = term.label;
  }
  return { id: row.id, nid: row.nid, fields, postedBy: row.postedBy, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

function scalarData(fields: TCaseFields) {
  return {
    name: fields.name,
    description: fields.description,
    homepage: fields.homepage,
    socialAccounts: fields.socialAccounts,
    email: fields.email,
    contactPage: fields.contactPage,
    address: fields.address,
    yearFounded: fields.yearFounded,
    phone: fields.phone,
    keywords: fields.keywords,
    otherInformation: fields.otherInformation,
    governance: fields.governance,
    sizeBand: fields.sizeBand,
    country: fields.country,
    status: fields.status,
    statusDate: fields.statusDate ? new Date(`${fields.statusDate}T00:00:00Z`) : null,
  };
}

/** Cases, their taxonomy terms and the term vocabularies. The only code here that touches Prisma. */
export function createCaseRepository(db: Db) {
  /** Adds term links (positions = list order) for cases that have none yet. */
  async function linkTerms(links: { caseId: number; termIds: number[] }[]): Promise<void> {
    const caseIds: number[] = [];
    const termIds: number[] = [];
    const positions: number[] = [];
    for (const link of links) link.termIds.forEach((termId, position) => (caseIds.push(link.caseId), termIds.push(termId), positions.push(position)));
    if (caseIds.length === 0) return;
    await db.$executeRaw`
      INSERT INTO directory_case_term ("caseId", "termId", position)
      SELECT * FROM unnest(${caseIds}::int[], ${termIds}::int[], ${positions}::int[])`;
  }

  return {
    async listTerms(vocabulary?: TVocabulary): Promise<TermRow[]> {
      return db.term.findMany({ where: vocabulary ? { vocabulary } : {}, select: termSelect, orderBy: [{ vocabulary: 'asc' }, { label: 'asc' }] });
    },

    /** Creates the terms that do not exist yet (matched by normalised label); returns every wanted term. */
    async ensureTerms(wanted: { vocabulary: TVocabulary; label: string; normalised: string }[]): Promise<TermRow[]> {
      if (wanted.length === 0) return [];
      // Raw SQL with array parameters: one fixed statement whatever the batch size (the Prisma
      // query compiler takes seconds on batches of hundreds of rows).
      const vocabularies = wanted.map((term) => term.vocabulary);
      const normalised = wanted.map((term) => term.normalised);
      await db.$executeRaw`
        INSERT INTO directory_term (vocabulary, label, normalised)
        SELECT v::directory_vocabulary, l, n FROM unnest(${vocabularies}::text[], ${wanted.map((term) => term.label)}::text[], ${normalised}::text[]) AS t(v, l, n)
        ON CONFLICT (vocabulary, normalised) DO NOTHING`;
      return db.$queryRaw<TermRow[]>`
        SELECT t.id, t.vocabulary::text AS vocabulary, t.label, t.normalised FROM directory_term t
        JOIN unnest(${vocabularies}::text[], ${normalised}::text[]) AS w(v, n) ON t.vocabulary::text = w.v AND t.normalised = w.n`;
    },

    async findById(id: number): Promise<StoredCase | null> {
      const row = await db.case.findUnique({ where: { id }, select: caseSelect });
      return row ? toStoredCase(row) : null;
    },

    async findByIds(ids: number[]): Promise<StoredCase[]> {
      const rows = await db.case.findMany({ where: { id: { in: ids } }, select: caseSelect });
      return rows.map(toStoredCase);
    },

    async findByNids(nids: number[]): Promise<StoredCase[]> {
      if (nids.length === 0) return [];
      const rows = await db.case.findMany({ where: { nid: { in: nids } }, select: caseSelect });
      return rows.map(toStoredCase);
    },

    async count(): Promise<number> {
      return db.case.count();
    },

    /** Creates cases in bulk (nid: given or drawn from the sequence); returns ids in input order. */
    async createMany(cases: (CaseWrite & { nid?: number })[]): Promise<{ id: number; nid: number }[]> {
      if (cases.length === 0) return [];
      // Cases without a nid draw one from the sequence first, so every row is matched back by nid.
      const missing = cases.filter((item) => item.nid === undefined).length;
      const drawn = missing === 0 ? [] : await db.$queryRaw<{ nid: number }[]>`SELECT nextval('directory_case_nid_seq')::int AS nid FROM generate_series(1, ${missing}::int)`;
      let next = 0;
      const rows = cases.map((item) => ({
        ...scalarData(item.fields),
        nid: item.nid ?? drawn[next++]!.nid,
        postedBy: item.postedBy ?? null,
        termIds: item.termIds,
      }));
      const created = await db.$queryRaw<{ id: number; nid: number }[]>`
        INSERT INTO directory_case (nid, name, description, homepage, "socialAccounts", email, "contactPage", address, "yearFounded",
          phone, keywords, "otherInformation", governance, "sizeBand", country, status, "statusDate", "postedBy", "termIds", "updatedAt")
        SELECT nid, name, description, homepage, "socialAccounts", email, "contactPage", address, "yearFounded",
          phone, keywords, "otherInformation", governance, "sizeBand", country, status, "statusDate", "postedBy", "termIds", now()
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
          nid int, name text, description text, homepage text, "socialAccounts" text[], email text,
          "contactPage" text, address text, "yearFounded" int, phone text, keywords text[], "otherInformation" text,
          governance text, "sizeBand" case_size_band, country text, status case_status, "statusDate" date, "postedBy" text, "termIds" int[])
        RETURNING id, nid`;
      const idByNid = new Map(created.map((row) => [row.nid, row.id]));
      const refs = rows.map((row) => ({ id: idByNid.get(row.nid)!, nid: row.nid }));
      await linkTerms(refs.map((ref, i) => ({ caseId: ref.id, termIds: cases[i]!.termIds })));
      return refs;
    },

    async update(id: number, write: CaseWrite): Promise<void> {
      await db.case.update({
        where: { id },
        data: { ...scalarData(write.fields), termIds: write.termIds, ...(write.postedBy !== undefined ? { postedBy: write.postedBy } : {}) },
        select: { id: true },
      });
      await db.caseTerm.deleteMany({ where: { caseId: id } });
      await linkTerms([{ caseId: id, termIds: write.termIds }]);
    },
  };
}

export type CaseRepository = ReturnType<typeof createCaseRepository>;
