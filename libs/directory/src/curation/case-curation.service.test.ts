import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { emptyCaseFields } from '../cases/case-fields';
import { createCaseRepository } from '../cases/case.repository';
import { createDirectoryStore } from '../cases/directory-store';
import { seedDirectory } from '../seed/seed-directory';
import { createCaseCurationService, type CaseCurationService } from './case-curation.service';

let db: TestDatabase;
let curation: CaseCurationService;
let clock = new Date('2026-01-01T10:00:00Z');
const member = { id: 'member-1', isStaff: false };
const staff = { id: 'staff-1', isStaff: true };

const guifi = async () => (await createCaseRepository(db.prisma).findByNids([111]))[0]!;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDirectory(db.prisma);
  for (const user of [member, staff]) {
    await db.prisma.user.create({ data: { id: user.id, name: user.isStaff ? 'Staff Person' : 'Member Person', email: `${user.id}@example.org`, role: user.isStaff ? 'staff' : 'member' } });
  }
  curation = createCaseCurationService({ store: createDirectoryStore(db.prisma), now: () => clock, limits: { proposalsPerHour: 3 } });
});
afterAll(async () => {
  await db.drop();
});

describe('case curation', () => {
  it('a member proposes an edit; staff approve it; the case changes with a field-by-field revision', async () => {
    const before = await guifi();
    const proposed = { ...before.fields, phone: '+34 93 000 00 00', languages: [...before.fields.languages, 'catalan'] };
    const { id } = await curation.propose({ actor: member, caseId: before.id, fields: proposed });
    expect((await guifi()).fields.phone).toBeNull(); // nothing changes before review

    const queue = await curation.reviewQueue();
    expect(queue.items.map((item) => item.id)).toContain(id);
    const view = await curation.getProposal(id);
    expect(view.proposal).toMatchObject({ author: 'Member Person', caseName: 'Guifi', status: 'proposed', diff: { phone: { from: null, to: '+34 93 000 00 00' } } });

    await curation.approve({ reviewerId: staff.id, revisionId: id });
    const after = await guifi();
    expect(after.fields.phone).toBe('+34 93 000 00 00');
    expect(after.fields.languages).toEqual(['English', 'Spanish', 'Catalan']);
    const history = await curation.caseHistory({ caseId: after.id, includeUndecided: false });
    expect(history[0]).toMatchObject({ id, status: 'approved', author: 'Member Person', reviewer: 'Staff Person', diff: { phone: { from: null, to: '+34 93 000 00 00' }, languages: { from: ['English', 'Spanish'], to: ['English', 'Spanish', 'Catalan'] } } });
    expect(history.at(-1)).toMatchObject({ author: 'import', kind: 'create' });
    await expect(curation.approve({ reviewerId: staff.id, revisionId: id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('staff can edit a proposal while approving, or reject it with a reason', async () => {
    const current = await guifi();
    const edit = await curation.propose({ actor: member, caseId: current.id, fields: { ...current.fields, governance: 'Assembly of members', country: 'Spain' } });
    await curation.approve({ reviewerId: staff.id, revisionId: edit.id, fields: { ...current.fields, governance: 'Foundation board and open assemblies', country: 'Spain' } });
    expect((await guifi()).fields).toMatchObject({ governance: 'Foundation board and open assemblies', country: 'Spain' });

    const spam = await curation.propose({ actor: member, caseId: current.id, fields: { ...current.fields, homepage: 'http://spam.example' } });
    await expect(curation.reject({ reviewerId: staff.id, revisionId: spam.id, reason: '  ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await curation.reject({ reviewerId: staff.id, revisionId: spam.id, reason: 'Not the project homepage' });
    expect((await guifi()).fields.homepage).toBe('https://guifi.net');
    const all = await curation.caseHistory({ caseId: current.id, includeUndecided: true });
    expect(all.find((item) => item.id === spam.id)).toMatchObject({ status: 'rejected', reason: 'Not the project homepage' });
    expect((await curation.caseHistory({ caseId: current.id, includeUndecided: false })).map((item) => item.id)).not.toContain(spam.id);
  });

  it('a proposed new case becomes a case (with a new term) on approval', async () => {
    clock = new Date(clock.getTime() + 2 * 3600_000);
    const fields = { ...emptyCaseFields('Coopdevs'), activityType: 'FLOSS communities', licence: 'AGPL-3.0', scope: 'local', yearFounded: 2016 };
    const { id } = await curation.propose({ actor: member, fields });
    const { caseId } = await curation.approve({ reviewerId: staff.id, revisionId: id });
    const [created] = await createCaseRepository(db.prisma).findByIds([caseId]);
    expect(created!.nid).toBeGreaterThanOrEqual(1_000_000);
    expect(created!.fields).toMatchObject({ name: 'Coopdevs', activityType: 'FLOSS communities', licence: 'AGPL-3.0', scope: 'Local' });
  });

  it('reverts to any earlier revision as a new revision', async () => {
    const current = await guifi();
    const history = await curation.caseHistory({ caseId: current.id, includeUndecided: false });
    const imported = history.at(-1)!;
    const { revisionId } = await curation.revert({ staffId: staff.id, caseId: current.id, revisionId: imported.id });
    const reverted = await guifi();
    expect(reverted.fields).toMatchObject({ phone: null, governance: null, country: null, languages: ['English', 'Spanish'] });
    const [latest] = await curation.caseHistory({ caseId: current.id, includeUndecided: false });
    expect(latest).toMatchObject({ id: revisionId, kind: 'revert', revertOfId: imported.id, author: 'Staff Person' });
    expect(Object.keys(latest!.diff).sort()).toEqual(['country', 'governance', 'languages', 'phone']);
    // the search copy of the terms follows every write (Catalan was added, then reverted away)
    const [row] = await db.prisma.$queryRaw<{ termIds: number[]; linked: number[] }[]>`
      SELECT ARRAY(SELECT unnest(c."termIds") ORDER BY 1) AS "termIds",
        ARRAY(SELECT "termId" FROM directory_case_term WHERE "caseId" = c.id ORDER BY 1) AS linked
      FROM directory_case c WHERE c.id = ${current.id}`;
    expect(row!.termIds).toEqual(row!.linked);
    expect(row!.termIds.length).toBeGreaterThan(0);
    await expect(curation.revert({ staffId: staff.id, caseId: current.id, revisionId: imported.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a honeypot answer stores nothing; proposals are rate limited per member, not for staff', async () => {
    const current = await guifi();
    const count = await db.prisma.caseRevision.count();
    expect(await curation.propose({ actor: member, caseId: current.id, fields: { ...current.fields, phone: '1' }, honeypot: 'http://buy.example' })).toEqual({ id: 0, status: 'proposed' });
    expect(await db.prisma.caseRevision.count()).toBe(count);

    clock = new Date(clock.getTime() + 2 * 3600_000);
    const limited = { id: 'member-2', isStaff: false };
    for (let i = 0; i < 3; i++) await curation.propose({ actor: limited, caseId: current.id, fields: { ...current.fields, phone: String(i) } });
    await expect(curation.propose({ actor: limited, caseId: current.id, fields: { ...current.fields, phone: 'x' } })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    for (let i = 0; i < 4; i++) await curation.propose({ actor: staff, caseId: current.id, fields: { ...current.fields, phone: `s${i}` } });
    await expect(curation.propose({ actor: member, caseId: current.id, fields: current.fields })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
